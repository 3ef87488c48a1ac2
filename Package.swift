// swift-tools-version:6.0
//
// Kinerja: civil-service performance and training evidence from agency exports.
//
// The pipeline is staged; each stage is a library target:
//   ingest → clean → aggregate → analyse → export,
// wired together from a pipeline file by KinerjaPipeline and driven by the
// `kinerja` command-line tool. Stages reach each other through `package` declarations;
// the vended libraries' `public` API is what the Benchmarks and Fuzz packages use.

import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")
let yams: Target.Dependency = .product(name: "Yams", package: "Yams")
let mustache: Target.Dependency = .product(name: "Mustache", package: "swift-mustache")

let package = Package(
  name: "kinerja",
  products: [
    .executable(name: "kinerja", targets: ["kinerja"]),
    .library(name: "KinerjaIngest", targets: ["KinerjaIngest"]),
    .library(name: "KinerjaClean", targets: ["KinerjaClean"]),
    .library(name: "KinerjaAggregate", targets: ["KinerjaAggregate"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
  ],
  targets: [
    // The system C library that parses CSV (Debian: libcsv-dev).
    .systemLibrary(
      name: "CLibCSV",
      providers: [.apt(["libcsv-dev"])]),

    // Stages
    .target(
      name: "KinerjaIngest",
      dependencies: ["CLibCSV", crypto],
      swiftSettings: swiftSettings),
    .target(
      name: "KinerjaClean",
      dependencies: ["KinerjaIngest"],
      swiftSettings: swiftSettings),
    .target(
      name: "KinerjaAggregate",
      dependencies: ["KinerjaClean", "KinerjaIngest"],
      swiftSettings: swiftSettings),
    .target(
      name: "KinerjaAnalyse",
      dependencies: ["KinerjaAggregate", "KinerjaClean", "KinerjaIngest"],
      swiftSettings: swiftSettings),
    .target(
      name: "KinerjaExport",
      dependencies: ["KinerjaAnalyse", "KinerjaClean", "KinerjaIngest", crypto, mustache],
      swiftSettings: swiftSettings),

    // Synthetic exports with planted effects, for research, benchmarks and tests
    .target(
      name: "KinerjaGenerate",
      dependencies: ["KinerjaIngest", "KinerjaClean"],
      swiftSettings: swiftSettings),

    // Wiring a run from a pipeline file, and the command-line tool
    .target(
      name: "KinerjaPipeline",
      dependencies: [
        "KinerjaIngest", "KinerjaClean", "KinerjaAnalyse", "KinerjaExport", crypto, yams,
      ],
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "kinerja",
      dependencies: ["KinerjaPipeline", "KinerjaGenerate", "KinerjaIngest", argumentParser],
      swiftSettings: swiftSettings),

    // Tests: one target per stage, plus end-to-end tests of the built binary
    .target(
      name: "KinerjaTestSupport",
      path: "Tests/KinerjaTestSupport",
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KinerjaIngestTests",
      dependencies: ["KinerjaTestSupport", "KinerjaIngest"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KinerjaCleanTests",
      dependencies: ["KinerjaTestSupport", "KinerjaClean", "KinerjaIngest"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KinerjaAggregateTests",
      dependencies: ["KinerjaTestSupport", "KinerjaAggregate", "KinerjaClean", "KinerjaIngest"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KinerjaAnalyseTests",
      dependencies: ["KinerjaTestSupport", "KinerjaAnalyse", "KinerjaAggregate", "KinerjaClean", "KinerjaIngest"],
      resources: [.copy("Fixtures")],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KinerjaExportTests",
      dependencies: ["KinerjaTestSupport", "KinerjaExport", "KinerjaAnalyse", "KinerjaClean", "KinerjaIngest"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KinerjaGenerateTests",
      dependencies: ["KinerjaTestSupport", "KinerjaGenerate", "KinerjaPipeline", "KinerjaIngest"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KinerjaPipelineTests",
      dependencies: ["KinerjaTestSupport", "KinerjaPipeline", "KinerjaAnalyse", "KinerjaClean", "KinerjaIngest"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "KinerjaEndToEndTests",
      dependencies: ["kinerja", "KinerjaTestSupport", "KinerjaIngest", "KinerjaExport"],
      resources: [.copy("Fixtures")],
      swiftSettings: swiftSettings),
  ]
)
