import Testing
@testable import VerbatimKit

/// Names that own what only a company has: shares, profits, subsidiaries.
@Suite struct EntityCompanyPossessionTests {
    @Test func sharesAndProfitsMakeACompany() throws {
        let found = try entities("Trading was quiet. Investors sold Verlanti shares after the report, and Quorvex's profits fell by a third.")
        #expect(mention(found, "Verlanti")?.label == .organization, "\(found)")
        #expect(mention(found, "Quorvex")?.label == .organization, "\(found)")
    }

    @Test func aSpokesmanOrAUnitMakesACompany() throws {
        let found = try entities("A Varnoxa spokeswoman declined to comment, and analysts said its Quelltech unit was for sale.")
        #expect(mention(found, "Varnoxa")?.label == .organization, "\(found)")
        #expect(mention(found, "Quelltech")?.label == .organization, "\(found)")
    }

    @Test func whatACompanyHasBeforeOfMakesACompany() throws {
        let found = try entities("Shares of Verlanti rose on Monday after the chairman of Quorvex resigned. The mayor of Dunmore left.")
        #expect(mention(found, "Verlanti")?.label == .organization, "\(found)")
        #expect(mention(found, "Quorvex")?.label == .organization, "\(found)")
        #expect(mention(found, "Dunmore")?.label != .organization, "\(found)")
    }

    /// "employer": where someone who works somewhere works.
    @Test func whereAnAnalystWorksIsAnOrganisation() throws {
        let found = try entities("An analyst at Brellworth expects rates to rise. A professor at Quillmart said the study was flawed. "
            + "An economist at Brussels disagreed.")
        #expect(mention(found, "Brellworth")?.label == .organization, "\(found)")
        #expect(mention(found, "Quillmart")?.label == .organization, "\(found)")
        #expect(mention(found, "Brussels")?.label == .place, "\(found)")
    }

    @Test func aPersonsSpokesmanStaysThePersons() throws {
        let found = try entities("Senator Walter Pennock spoke on Monday. A Pennock spokesman later declined to comment.")
        #expect(found.filter { $0.text == "Pennock" }.allSatisfy { $0.label == .person }, "\(found)")
    }

    @Test func aTownsStockMarketIsNoCompany() throws {
        let found = try entities("Prices rose in an easier Milan stock market, and Maria Lopez's shares were sold.")
        #expect(mention(found, "Milan")?.label != .organization, "\(found)")
        #expect(mention(found, "Maria Lopez")?.label == .person, "\(found)")
    }
}

/// Names of papers and firms opened by an article of another language.
@Suite struct EntityForeignArticleTests {
    @Test func foreignArticleIsNoFirstName() throws {
        let found = try entities("A report in the weekly Der Kompass said the talks failed, and Le Veilleur newspaper agreed.")
        #expect(mention(found, "Der Kompass")?.label != .person, "\(found)")
        #expect(mention(found, "Le Veilleur")?.label != .person, "\(found)")
        #expect(mention(found, "Le Veilleur")?.label == .organization, "\(found)")
    }
}
