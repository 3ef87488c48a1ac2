// swift-tools-version:6.0
//
// A libFuzzer target over Kinerja's ingest and clean stages. A package of its own, since
// it only links with `-sanitize=fuzzer` (libFuzzer provides the driver it runs):
//
//   scripts/fuzz.sh [seconds]

import PackageDescription

let package = Package(
  name: "KinerjaFuzz",
  dependencies: [.package(name: "kinerja", path: "../")],
  targets: [
    .executableTarget(
      name: "KinerjaFuzz",
      dependencies: [
        .product(name: "KinerjaIngest", package: "kinerja"),
        .product(name: "KinerjaClean", package: "kinerja"),
      ])
  ]
)
