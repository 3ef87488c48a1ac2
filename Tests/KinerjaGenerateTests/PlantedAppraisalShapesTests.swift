import Foundation
import KinerjaGenerate
import KinerjaIngest
import KinerjaTestSupport
import Testing

/// The appraisal shapes are planted as asked: rows missing at random, joiners and leavers,
/// lost monthly exports and agency × month shocks, checked on the written files.
@Suite struct PlantedAppraisalShapesTests {
  /// Lines of a generated file.
  func lines(_ directory: TemporaryDirectory, _ file: String) throws -> [Substring] {
    try #require(directory.read(file)).split(separator: "\n")
  }

  @Test func missingAppraisalsAreTheShareAskedAndTheRestUnchanged() throws {
    let (complete, _) = try generate(
      employees: 2000, style: .canonical, shapes: PlantedShapes(missingAppraisalShare: 0))
    let (sparse, truth) = try generate(
      employees: 2000, style: .canonical, shapes: PlantedShapes(missingAppraisalShare: 0.25))
    let all = try CanonicalExports(complete).appraisals.count
    let kept = try CanonicalExports(sparse).appraisals.count
    #expect(all == 2000 * 12)
    #expect(abs(Double(kept) / Double(all) - 0.75) < 0.01, "\(kept) of \(all) kept")
    #expect(truth.missingMonthShare == 0.25)
    #expect(truth.parameters.missingAppraisals == 0.25)
    let completeLines = Set(try lines(complete, "performance.csv"))
    #expect(try lines(sparse, "performance.csv").allSatisfy(completeLines.contains))
  }

  @Test func joinersHaveNoAppraisalBeforeTheyJoinAndLeaversNoneAfterTheyLeave() throws {
    let months = 18
    let (directory, truth) = try generate(
      employees: 3000, months: months, style: .canonical,
      shapes: PlantedShapes(missingAppraisalShare: 0, joinerShare: 0.2, leaverShare: 0.1))
    let scores = try CanonicalExports(directory).scores
    let turnover = try #require(truth.turnover)
    #expect(scores.count == 3000, "everyone has at least one appraisal")
    var joined: [String: Int] = [:]
    var left: [String: Int] = [:]
    for (nip, byMonth) in scores {
      let first = byMonth.keys.min()!
      let last = byMonth.keys.max()!
      #expect(last - first + 1 == byMonth.count, "\(nip): a gap between joining and leaving")
      #expect(first == 0 || last == months - 1, "\(nip) both joins and leaves")
      if first > 0 {
        joined["\(2023 + first / 12)-\(String(format: "%02d", first % 12 + 1))", default: 0] += 1
      }
      if last < months - 1 {
        left["\(2023 + last / 12)-\(String(format: "%02d", last % 12 + 1))", default: 0] += 1
      }
    }
    #expect(joined == turnover.joinersByFirstPeriod)
    #expect(left == turnover.leaversByLastPeriod)
    #expect(joined.values.reduce(0, +) == turnover.joiners)
    #expect(left.values.reduce(0, +) == turnover.leavers)
    #expect(abs(Double(turnover.joiners) / 3000 - 0.2) < 0.025, "\(turnover.joiners) joiners")
    #expect(abs(Double(turnover.leavers) / 3000 - 0.1) < 0.02, "\(turnover.leavers) leavers")
    #expect(truth.inputs["employees"]?.rows == 3000, "joiners and leavers stay in the master")
  }

  @Test func emptyMonthsHaveNoAppraisalAndTheOtherMonthsAreUntouched() throws {
    let lost = [Period.month(7, of: 2023), .month(3, of: 2023)]
    let (baseline, _) = try generate(employees: 1500, style: .canonical)
    let (directory, truth) = try generate(
      employees: 1500, style: .canonical, shapes: PlantedShapes(emptyMonths: lost))
    let appraisals = try CanonicalExports(directory).appraisals
    #expect(Set(appraisals.map(\.month)) == Set(0..<12).subtracting([2, 6]))
    #expect(truth.parameters.emptyMonths == ["2023-03", "2023-07"])
    #expect(truth.inputs["performance"]?.cleanRows == appraisals.count)
    let baselineLines = Set(try lines(baseline, "performance.csv"))
    #expect(try lines(directory, "performance.csv").allSatisfy(baselineLines.contains))
  }

  /// With and without shocks the same rows are written; each score moves by its agency's
  /// shock in the month, and the shocks, read back from the files, have variance SD².
  @Test func agencyShocksMoveEveryScoreOfTheAgencyInTheMonth() throws {
    let sd = 2.0
    let months = 36
    let placebo = PlantedShapes(effectScale: 0)
    var shocked = placebo
    shocked.agencyShockSD = sd
    let (calm, _) = try generate(employees: 5000, months: months, seed: 5, style: .canonical, shapes: placebo)
    let (directory, truth) = try generate(
      employees: 5000, months: months, seed: 5, style: .canonical, shapes: shocked)
    let calmScores = try CanonicalExports(calm).scores
    let exports = try CanonicalExports(directory)
    let planted = try Dictionary(
      uniqueKeysWithValues: truth.agencies.map { ($0.code, try #require($0.shocks)) })

    var moves: [String: [Int: [Double]]] = [:]
    var sums: [String: [Int: (total: Double, count: Int)]] = [:]
    for row in exports.appraisals {
      let agency = exports.agencyOf[row.nip]!
      moves[agency, default: [:]][row.month, default: []].append(row.score - calmScores[row.nip]![row.month]!)
      let sum = sums[agency, default: [:]][row.month, default: (0, 0)]
      sums[agency, default: [:]][row.month] = (sum.total + row.score, sum.count + 1)
    }
    var rows = 0
    var offShock = 0
    var observed: [Double] = []
    for (agency, byMonth) in moves {
      for (month, differences) in byMonth {
        rows += differences.count
        offShock += differences.filter { abs($0 - planted[agency]![month]) > 0.0101 }.count
        observed.append(differences.sorted()[differences.count / 2])
      }
    }
    #expect(offShock <= rows / 1000, "\(offShock) of \(rows) scores off their shock (only at 0 or 120)")
    // The variance of n normal draws is within 4 standard errors, sqrt(2 / n), of SD².
    let variance = observed.map { $0 * $0 }.reduce(0, +) / Double(observed.count)
    #expect(
      abs(variance / (sd * sd) - 1) < 4 * (2 / Double(observed.count)).squareRoot(),
      "variance \(variance) of \(observed.count) agency-months")

    // From the shocked file alone: the agency-month mean less the agency's planted trend and the
    // shared drift, centred within the agency, is the centred shock (placebo: no training steps)
    // give or take the noise of a mean of 100 or more scores.
    var residuals: [Double] = []
    var centredShocks: [Double] = []
    for agency in truth.agencies where agency.employees >= 100 {
      let means = (0..<months).map { month -> Double in
        let sum = sums[agency.code]![month]!
        return sum.total / Double(sum.count) - agency.slopePerMonth * Double(month) - truth.sharedDrift[month]
      }
      let centre = means.reduce(0, +) / Double(months)
      residuals += means.map { $0 - centre }
      let shocks = planted[agency.code]!
      let shockCentre = shocks.reduce(0, +) / Double(months)
      centredShocks += shocks.map { $0 - shockCentre }
    }
    func meanSquare(_ values: [Double]) -> Double {
      values.map { $0 * $0 }.reduce(0, +) / Double(values.count)
    }
    let residualVariance = meanSquare(residuals)
    #expect(
      abs(residualVariance / (sd * sd) - 1) < 4 * (2 / Double(residuals.count)).squareRoot(),
      "residual variance \(residualVariance) of \(residuals.count) agency-months")
    #expect(
      abs(residualVariance / meanSquare(centredShocks) - 1) < 0.1,
      "residual variance \(residualVariance), planted \(meanSquare(centredShocks))")
  }
}
