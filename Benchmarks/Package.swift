// swift-tools-version:6.1
//
// Micro-benchmarks of Kinerja's hot paths (ordo-one/benchmark). A package of its own, so
// the product never depends on the benchmark tool:
//
//   swift package --package-path Benchmarks benchmark

import PackageDescription

let package = Package(
  name: "KinerjaBenchmarks",
  dependencies: [
    .package(name: "kinerja", path: "../"),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "KinerjaBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "KinerjaIngest", package: "kinerja"),
        .product(name: "KinerjaClean", package: "kinerja"),
        .product(name: "KinerjaAggregate", package: "kinerja"),
      ],
      path: "Benchmarks/KinerjaBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")])
  ]
)
