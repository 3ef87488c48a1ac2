import Foundation
import KinerjaGenerate
import KinerjaPipeline
import KinerjaTestSupport
import Testing

/// The planted agency IKM levels and trend slopes are recovered within their intervals.
@Suite struct PlantedTruthRecoveryTests {
  /// Rows of a canonical CSV without quoted fields, as dictionaries.
  func table(_ text: String) -> [[String: String]] {
    let lines = text.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
  }

  @Test func agencyIKMAndTrendSlopes() throws {
    let (directory, truth) = try generate(employees: 4000, months: 24, seed: 21, style: .canonical)
    let pipeline = directory.write(
      "run.yaml",
      "inputs:\n  employees: { path: employees.csv }\n  performance: { path: performance.csv }\n"
        + "  training: { path: training.csv }\n  service_feedback: { path: service_feedback.csv }\n"
        + "outputs: [trend_tests, service_satisfaction]\nikm_grain: year\noutput: out\n")
    _ = try PipelineRun(
      pipeline: try PipelineFile.load(path: pipeline), output: nil, threads: 2, log: RunLog(isQuiet: true)
    ).run()

    // IKM: each agency-year interval against the planted level.
    let plantedIKM = Dictionary(uniqueKeysWithValues: truth.agencies.map { ($0.code, $0.ikm) })
    let satisfaction = table(try #require(directory.read("out/service_satisfaction.csv"))).filter {
      $0["level"] == "agency" && $0["ikm_ci_low"] != ""
    }
    let ikmCovered = satisfaction.filter { row in
      Double(row["ikm_ci_low"]!)! <= plantedIKM[row["agency_code"]!]!
        && plantedIKM[row["agency_code"]!]! <= Double(row["ikm_ci_high"]!)!
    }
    #expect(satisfaction.count == 24)
    #expect(
      Double(ikmCovered.count) >= 0.85 * Double(satisfaction.count),
      "\(ikmCovered.count) of \(satisfaction.count)")

    // Slopes: the OLS slope of each agency's expected monthly mean — its level and slope, the
    // drift everyone shares, and the effect of each completed training from the month after it.
    let agencyOf = Dictionary(
      uniqueKeysWithValues: table(directory.read("employees.csv")!).map { ($0["nip"]!, $0["agency_code"]!) })
    var trainedEffects: [String: [Int: Double]] = [:]  // agency → first effective month → summed effect
    for row in table(directory.read("training.csv")!) where row["status"] == "completed" {
      let parts = row["end_date"]!.split(separator: "-").map { Int($0)! }
      let month = (parts[0] - 2023) * 12 + parts[1] - 1
      trainedEffects[agencyOf[row["nip"]!]!, default: [:]][month + 1, default: 0] +=
        truth.methods[row["method"]!]!.effect
    }
    let trendTests = table(try #require(directory.read("out/trend_tests.csv"))).filter {
      $0["level"] == "agency" && $0["ols_ci_low"] != ""
    }
    var covered = 0
    for row in trendTests {
      let agency = try #require(truth.agencies.first { $0.code == row["group"] })
      let x = (0..<24).map(Double.init)
      let y = x.map { t -> Double in
        let steps = trainedEffects[agency.code, default: [:]].filter { Double($0.key) <= t }.values.reduce(
          0, +)
        return agency.level + agency.slopePerMonth * t + truth.sharedDrift[Int(t)] + steps
          / Double(agency.employees)
      }
      let meanX = x.reduce(0, +) / 24
      let meanY = y.reduce(0, +) / 24
      let expected =
        zip(x, y).reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
        / x.reduce(0) { $0 + ($1 - meanX) * ($1 - meanX) }
      if Double(row["ols_ci_low"]!)! <= expected && expected <= Double(row["ols_ci_high"]!)! { covered += 1 }
    }
    #expect(trendTests.count == 9, "the three tiny agencies are suppressed")
    #expect(Double(covered) >= 0.8 * Double(trendTests.count), "\(covered) of \(trendTests.count) slopes")
  }
}
