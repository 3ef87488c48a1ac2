import Foundation
import KinerjaGenerate
import KinerjaIngest
import KinerjaPipeline
import KinerjaTestSupport
import Testing

/// Generates into a fresh folder and returns the folder and the truth.
func generate(
  employees: Int = 400, months: Int = 12, seed: UInt64 = 7, style: ExportStyle = .agency, badRows: Double = 0,
  threads: Int = 2, shapes: PlantedShapes = .baseline
) throws -> (TemporaryDirectory, Truth) {
  let directory = TemporaryDirectory()
  let options = GeneratorOptions(
    employees: employees, months: months, seed: seed, style: style, badRowRate: badRows, threads: threads,
    shapes: shapes)
  let truth = try Generator(options: options).write(to: directory.path)
  return (directory, truth)
}

@Suite struct GeneratorDeterminismTests {
  @Test func sameArgumentsGiveTheSameBytesForAnyThreadCount() throws {
    let (first, _) = try generate(employees: 45_000, months: 3, badRows: 0.05, threads: 1)
    let (second, _) = try generate(employees: 45_000, months: 3, badRows: 0.05, threads: 3)
    let files = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
    #expect(
      files == [
        "evaluasi_diklat.csv", "kinerja.csv", "pegawai.csv", "pipeline.yaml", "riwayat_diklat.csv", "skm.csv",
        "truth.json",
      ])
    for file in files {
      #expect(first.read(file) == second.read(file), "\(file) differs between 1 and 3 threads")
    }
  }

  @Test func anotherSeedGivesOtherData() throws {
    let (first, _) = try generate(seed: 1)
    let (second, _) = try generate(seed: 2)
    #expect(first.read("kinerja.csv") != second.read("kinerja.csv"))
    #expect(first.read("pegawai.csv") != second.read("pegawai.csv"))
  }

  @Test func cleanRowsAreTheSameAtAnyBadRowRate() throws {
    let (clean, cleanTruth) = try generate(badRows: 0)
    let (messy, messyTruth) = try generate(badRows: 0.2)
    #expect(cleanTruth.agencies.map(\.level) == messyTruth.agencies.map(\.level))
    let cleanLines = Set(clean.read("kinerja.csv")!.split(separator: "\r\n"))
    let messyLines = Set(messy.read("kinerja.csv")!.split(separator: "\r\n"))
    #expect(cleanLines.isSubset(of: messyLines))
  }
}

@Suite struct GeneratorTruthTests {
  /// Every clean row is accepted, and every bad row rejected for the reason truth.json
  /// gives, count for count, in both dialects, in the baseline world and with every shape.
  @Test(arguments: [ExportStyle.agency, .canonical], [PlantedShapes.baseline, .everyShape])
  func cleanStageAgreesWithTheTruth(style: ExportStyle, shapes: PlantedShapes) throws {
    let (directory, truth) = try generate(
      employees: 600, months: 12, seed: 11, style: style, badRows: 0.2, shapes: shapes)
    let pipeline = try PipelineFile.load(path: "\(directory.path)/pipeline.yaml")
    _ = try PipelineRun(pipeline: pipeline, output: nil, threads: 2, log: RunLog(isQuiet: true)).run()
    let quality = try #require(directory.read("out/data_quality.csv"))
    var rejected: [String: [String: Int]] = [:]
    var totals: [String: (read: Int, accepted: Int)] = [:]
    for line in quality.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      // Rows about analyses (empty periods, employees a study left out) follow the inputs'.
      guard InputKind(rawValue: fields[0]) != nil else { continue }
      totals[fields[0]] = (Int(fields[2])!, Int(fields[3])!)
      if !fields[5].isEmpty { rejected[fields[0], default: [:]][fields[5]] = Int(fields[6])! }
    }
    var reasonsSeen = Set<String>()
    for input in InputKind.allCases {
      let expected = try #require(truth.inputs[input.rawValue])
      #expect(totals[input.rawValue]?.read == expected.rows, "\(input) rows read")
      #expect(totals[input.rawValue]?.accepted == expected.cleanRows, "\(input) rows accepted")
      #expect(
        rejected[input.rawValue, default: [:]] == expected.badRowsByReason, "\(input) rejects by reason")
      reasonsSeen.formUnion(expected.badRowsByReason.keys)
    }
    #expect(reasonsSeen.count == 16, "every reason code of the contract is injected: \(reasonsSeen.sorted())")
    #expect(truth.inputs.values.allSatisfy { $0.rows == $0.cleanRows + $0.badRows })
  }

  @Test func withoutBadRowsNothingIsRejected() throws {
    let (directory, truth) = try generate(employees: 300, months: 6, style: .canonical)
    let pipeline = try PipelineFile.load(path: "\(directory.path)/pipeline.yaml")
    _ = try PipelineRun(pipeline: pipeline, output: nil, threads: 1, log: RunLog(isQuiet: true)).run()
    let quality = try #require(directory.read("out/data_quality.csv"))
    for line in quality.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard InputKind(rawValue: String(fields[0])) != nil else { continue }
      #expect(fields[4] == "0", "\(fields[0]) rejected rows")
    }
    #expect(truth.inputs["employees"]?.rows == 300)
  }

  @Test func theWorldIsPlausible() throws {
    let (directory, truth) = try generate(employees: 5000, months: 24, seed: 3, style: .canonical)
    #expect(truth.agencies.count == 12)
    #expect(truth.agencies.filter { $0.employees < 5 }.count == 3, "a few tiny agencies")
    #expect(truth.agencies.map(\.employees).reduce(0, +) == 5000)
    #expect(Set(truth.agencies.map(\.region)).count == 4)
    #expect(truth.methods["seminar"]?.effect == 0, "one method has no effect")
    let trained = truth.methods.values.map(\.participants).reduce(0, +)
    #expect(abs(Double(trained) / 5000 - 0.4) < 0.03)
    #expect(truth.sharedDrift.count == 24)

    // NIPs: unique, valid, and the TMT at least 18 years after birth.
    let master = try #require(directory.read("employees.csv"))
    var nips = Set<Substring>()
    for line in master.split(separator: "\n").dropFirst() {
      let nip = line.prefix(18)
      nips.insert(nip)
      let birthYear = Int(nip.prefix(4))!
      let appointmentYear = Int(nip.dropFirst(8).prefix(4))!
      #expect(appointmentYear >= birthYear + 18, "\(nip)")
      #expect(nip.dropFirst(14).first == "1" || nip.dropFirst(14).first == "2")
    }
    #expect(nips.count == 5000)
  }

  @Test func rejectsImpossibleRequests() {
    #expect(throws: GeneratorError.employees(0)) {
      try Generator(options: .init(employees: 0, months: 12, seed: 1))
    }
    #expect(throws: GeneratorError.months(0)) {
      try Generator(options: .init(employees: 10, months: 0, seed: 1))
    }
    #expect(throws: GeneratorError.badRowRate(0.9)) {
      try Generator(options: .init(employees: 10, months: 12, seed: 1, badRowRate: 0.9))
    }
  }
}
