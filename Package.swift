// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Verbatim",
    products: [
        .library(name: "VerbatimKit", targets: ["VerbatimKit"]),
        .executable(name: "verbatim", targets: ["verbatim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The system ICU (Debian's libicu-dev). pkg-config supplies the flags; on a
        // machine without it SwiftPM prints the apt hint.
        .systemLibrary(
            name: "ICUSystem",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // A C shim whose public header exposes only plain C types, so that Swift code
        // which also imports Foundation never sees ICU's own declarations (why: CICU.h).
        .target(name: "CICU", dependencies: ["ICUSystem"]),
        .target(
            name: "VerbatimKit",
            dependencies: ["CICU"],
            exclude: ["Times/RULES.md", "Quotes/SIEVES.md", "Entities/ENTITIES.md"]
        ),
        .executableTarget(
            name: "verbatim",
            dependencies: [
                "VerbatimKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzz target: replays files by default; built with
        // `-sanitize=fuzzer -DFUZZING` it is a libFuzzer binary (Tests/Fuzz/run-fuzz.sh).
        .executableTarget(
            name: "verbatim-fuzz",
            dependencies: ["VerbatimKit"]
        ),
        .testTarget(
            name: "VerbatimKitTests",
            dependencies: ["VerbatimKit"]
        ),
        // Runs the built `verbatim` binary end to end, as users and scripts do.
        .testTarget(
            name: "VerbatimCLITests",
            dependencies: ["verbatim"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
