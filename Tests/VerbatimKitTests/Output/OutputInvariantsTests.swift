import Testing
@testable import VerbatimKit

@Suite struct OutputInvariantsTests {
    private func violations(_ line: String) -> [String] {
        OutputInvariants.violations(line: Array(line.utf8))
    }

    @Test func acceptsAValidLine() {
        #expect(violations(#"{"id":1,"text":"Zoë said","entities":[{"start":0,"end":3,"text":"Zoë"}],"clusters":[],"quotes":[]}"# + "\n") == [])
        #expect(violations(#"{"id":1,"error":{"code":"x","message":"y"}}"# + "\n") == [])
    }

    @Test func catchesEachKindOfBreakage() {
        #expect(!violations(#"{"id":1}"#).isEmpty)  // no newline
        #expect(!violations(#"{"id":1,"text":"ab""# + "\n").isEmpty)  // not JSON
        #expect(!violations(#"{"text":"ab","entities":[],"clusters":[],"quotes":[]}"# + "\n").isEmpty)  // no id
        #expect(!violations(#"{"id":1,"text":"ab","entities":[{"start":1,"end":5,"text":"b"}],"clusters":[],"quotes":[]}"# + "\n").isEmpty)
        #expect(!violations(#"{"id":1,"text":"Zoë","entities":[{"start":0,"end":3,"text":"Zoe"}],"clusters":[],"quotes":[]}"# + "\n").isEmpty)
        #expect(!violations(#"{"id":1,"text":"ab","entities":[],"clusters":[],"quotes":[{"start":0,"end":2,"text":"ab","speaker":{"start":2,"end":1,"text":""}}]}"# + "\n").isEmpty)
        #expect(!violations(#"{"id":1,"text":"ab","clusters":[],"quotes":[]}"# + "\n").isEmpty)  // no entities
        let entity = #"{"id":"e1","label":"PERSON","start":0,"end":1,"text":"a","cluster":"c1"}"#
        #expect(violations(#"{"id":1,"text":"ab","entities":["# + entity + #"],"clusters":[{"id":"c1","label":"PERSON","name":"a","mentions":["e1"]}],"quotes":[]}"# + "\n") == [])
        #expect(!violations(#"{"id":1,"text":"ab","entities":["# + entity + #"],"clusters":[{"id":"c1","label":"PERSON","name":"a","mentions":["e2"]}],"quotes":[]}"# + "\n").isEmpty)
        #expect(!violations(#"{"id":1,"text":"ab","entities":["# + entity + #"],"clusters":[],"quotes":[]}"# + "\n").isEmpty)
    }
}
