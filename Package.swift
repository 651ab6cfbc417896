// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Verbatim",
    products: [
        .library(name: "VerbatimKit", targets: ["VerbatimKit"]),
        .executable(name: "verbatim", targets: ["verbatim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `verbatim serve` only; its optional traits (swift-configuration support, the
        // full Foundation for form coding) are left off: they would only lengthen the build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Already among Hummingbird's dependencies (nothing more to build); named here for
        // the graceful-shutdown deadline (ServiceGroup), the server's Logger and a
        // channel handler (NIOCore).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
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
            exclude: ["Times/RULES.md", "Quotes/SIEVES.md", "Gender/GENDER.md", "Credits/CREDITS.md", "Entities/ENTITIES.md"]
        ),
        // The HTTP service behind `verbatim serve`: its own target, so that the library
        // (and whoever embeds it) never depends on Hummingbird and SwiftNIO.
        .target(
            name: "VerbatimServer",
            dependencies: [
                "VerbatimKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "verbatim",
            dependencies: [
                "VerbatimKit",
                "VerbatimServer",
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
        .testTarget(
            name: "VerbatimServerTests",
            dependencies: ["VerbatimServer"]
        ),
        // Runs the built `verbatim` binary end to end, as users and scripts do.
        .testTarget(
            name: "VerbatimCLITests",
            dependencies: ["verbatim"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
