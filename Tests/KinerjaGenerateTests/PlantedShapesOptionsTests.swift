import Foundation
import KinerjaGenerate
import KinerjaIngest
import KinerjaTestSupport
import Testing

extension PlantedShapes {
  /// Every shape at once, none at its baseline.
  static let everyShape = PlantedShapes(
    missingAppraisalShare: 0.05, joinerShare: 0.1, leaverShare: 0.1, emptyMonths: [.month(3, of: 2023)],
    trainingAssignment: .agency, agencyShockSD: 1.5, courseMonths: 4, inCourseDip: 2, effectScale: 0.5)
}

/// Default options are the baseline world, whose truth.json has no shape fields; shaped worlds
/// are as deterministic as the baseline; shapes that cannot be planted are refused.
@Suite struct PlantedShapesOptionsTests {
  @Test func defaultOptionsAreTheBaseline() {
    #expect(GeneratorOptions(employees: 10, months: 12, seed: 1).shapes == .baseline)
    #expect(
      PlantedShapes.baseline
        == PlantedShapes(
          missingAppraisalShare: 0.02, joinerShare: 0, leaverShare: 0, emptyMonths: [],
          trainingAssignment: .employee, agencyShockSD: 0, courseMonths: 2, inCourseDip: 0, effectScale: 1))
  }

  @Test func onlyAShapedTruthHasShapeFields() throws {
    let (baseline, baselineTruth) = try generate(employees: 300)
    #expect(baselineTruth.parameters.missingAppraisals == nil && baselineTruth.parameters.assignBy == nil)
    #expect(baselineTruth.turnover == nil && baselineTruth.eventTime == nil)
    #expect(baselineTruth.agencies.allSatisfy { $0.shocks == nil && $0.programme == nil })
    #expect(try #require(baseline.read("truth.json")).contains("event_time") == false)
    #expect(
      try #require(baseline.read("pipeline.yaml")).hasPrefix("# Written by kinerja generate --employees 300"))

    let (shaped, truth) = try generate(employees: 300, shapes: PlantedShapes(joinerShare: 0.1))
    let parameters = truth.parameters
    #expect(parameters.missingAppraisals == 0.02 && parameters.joiners == 0.1 && parameters.leavers == 0)
    #expect(parameters.emptyMonths == [] && parameters.assignBy == .employee && parameters.agencyShocks == 0)
    #expect(parameters.courseMonths == 2 && parameters.inCourseDip == 0 && parameters.effectScale == 1)
    #expect(truth.eventTime != nil && truth.turnover != nil)
    #expect(try #require(shaped.read("pipeline.yaml")).contains("--bad-rows 0.0 --joiners 0.1\n"))
  }

  @Test func aShapedWorldIsTheSameForAnyThreadCount() throws {
    let (first, _) = try generate(
      employees: 41_000, months: 4, badRows: 0.05, threads: 1, shapes: .everyShape)
    let (second, _) = try generate(
      employees: 41_000, months: 4, badRows: 0.05, threads: 3, shapes: .everyShape)
    let files = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
    #expect(files.count == 7)
    for file in files {
      #expect(first.read(file) == second.read(file), "\(file) differs between 1 and 3 threads")
    }
  }

  @Test func rejectsShapesThatCannotBePlanted() {
    func options(_ shapes: PlantedShapes, months: Int = 12) -> GeneratorOptions {
      GeneratorOptions(employees: 10, months: months, seed: 1, shapes: shapes)
    }
    #expect(throws: GeneratorError.missingAppraisals(1)) {
      try Generator(options: options(PlantedShapes(missingAppraisalShare: 1)))
    }
    #expect(throws: GeneratorError.turnover(joiners: 0.6, leavers: 0.5)) {
      try Generator(options: options(PlantedShapes(joinerShare: 0.6, leaverShare: 0.5)))
    }
    #expect(throws: GeneratorError.turnoverInOneMonth) {
      try Generator(options: options(PlantedShapes(leaverShare: 0.1), months: 1))
    }
    #expect(
      throws: GeneratorError.emptyMonth(
        .month(1, of: 2024), first: .month(1, of: 2023), last: .month(12, of: 2023))
    ) {
      try Generator(options: options(PlantedShapes(emptyMonths: [.month(1, of: 2024)])))
    }
    #expect(throws: GeneratorError.agencyShocks(-1)) {
      try Generator(options: options(PlantedShapes(agencyShockSD: -1)))
    }
    #expect(throws: GeneratorError.courseMonths(0)) {
      try Generator(options: options(PlantedShapes(courseMonths: 0)))
    }
  }
}
