import KinerjaAnalyse
import KinerjaIngest
import KinerjaPipeline
import KinerjaTestSupport
import Testing

@Suite struct PipelineFileTests {
  func load(_ text: String) throws -> PipelineFile {
    let directory = TemporaryDirectory()
    return try withExtendedLifetime(directory) {
      try PipelineFile.load(path: directory.write("pipelines/p.yaml", text))
    }
  }

  func error(_ text: String) -> PipelineFileError? {
    do {
      _ = try load(text)
      return nil
    } catch {
      return error as? PipelineFileError
    }
  }

  static let minimal = """
    inputs:
      employees: { path: ../data/pegawai.csv }
      performance:
        path: ../data/kinerja.csv
        delimiter: ";"
        decimal: ","
        columns: { "Nilai Akhir": score }
        max_reject_rate: 0.02
    grain: quarter
    min_group: 10
    output: ../out
    threads: 3
    """

  @Test func readsEverySetting() throws {
    let pipeline = try load(Self.minimal)
    #expect(pipeline.inputs.map(\.kind) == [.employees, .performance])
    #expect(pipeline.inputs[0].path.hasSuffix("/data/pegawai.csv"))
    #expect(!pipeline.inputs[0].path.contains(".."), "paths are resolved against the pipeline file")
    #expect(pipeline.inputs[0].declaredPath == "../data/pegawai.csv")
    let performance = pipeline.inputs[1]
    #expect(
      performance.options.dialect
        == DialectOverrides(delimiter: UInt8(ascii: ";"), decimalMark: UInt8(ascii: ",")))
    #expect(performance.options.columns == ["Nilai Akhir": "score"])
    #expect(pipeline.rejectLimit(for: performance) == 0.02)
    #expect(pipeline.rejectLimit(for: pipeline.inputs[0]) == 0.10)
    #expect(pipeline.grain == .quarter && pipeline.minGroup == 10 && pipeline.threads == 3)
    #expect(pipeline.output?.hasSuffix("/out") == true)
    #expect(pipeline.sha256.count == 64)
  }

  /// Ranking weights are refused above 1,000,000: 1e308 would overflow their sum and empty every rank.
  @Test func hugeRankingWeightsAreRefused() throws {
    let base = "inputs:\n  employees: { path: e.csv }\n  performance: { path: p.csv }\n"
    #expect(error(base + "rankings:\n  weights: { performance: 1e308, ikm: 1 }\n")?.key == "rankings.weights.performance")
    #expect(try load(base + "rankings:\n  weights: { performance: 1000000, ikm: 1 }\n").rankingWeights[.ikm] == 1)
  }

  /// `periods` bounds by month; a quarter or year covers its months.
  @Test func periods() throws {
    let base = "inputs:\n  employees: { path: e.csv }\n  performance: { path: p.csv }\n"
    let unset = try load(base)
    #expect(unset.periodsFrom == nil && unset.periodsTo == nil)
    let months = try load(base + "periods: { from: 2015-01, to: 2026-12 }\n")
    #expect(months.periodsFrom == .month(1, of: 2015) && months.periodsTo == .month(12, of: 2026))
    let coarse = try load(base + "periods: { from: 2015-Q2, to: 2024 }\n")
    #expect(coarse.periodsFrom == .month(4, of: 2015) && coarse.periodsTo == .month(12, of: 2024))
    #expect(error(base + "periods: { from: 2024-01, to: 2023-12 }\n")?.key == "periods")
    #expect(error(base + "periods: { from: last year }\n")?.key == "periods.from")
    #expect(error(base + "periods: { since: 2020-01 }\n")?.key == "periods.since")
  }

  /// `chunk_size` takes bytes, KiB, MiB or GiB; 8 MiB when not given.
  @Test func chunkSizes() throws {
    let base = "inputs:\n  employees: { path: e.csv }\n  performance: { path: p.csv }\n"
    #expect(try load(base).chunkSize == 8 << 20)
    for (text, bytes) in [("65536", 65536), ("256KiB", 256 << 10), ("8 MiB", 8 << 20), ("1GiB", 1 << 30)] {
      #expect(try load(base + "chunk_size: \(text)\n").chunkSize == bytes, "\(text)")
    }
  }

  @Test func unknownKeyIsNamedWithItsLine() throws {
    let failure = try #require(error(Self.minimal + "\nthreds: 2\n"))
    #expect(failure.key == "threds")
    #expect(failure.line == 13)
    #expect(failure.description.contains("p.yaml:13:"))
    #expect(failure.description.contains("unknown key"))
  }

  @Test func unknownNestedKeyIsNamedInFull() throws {
    let failure = try #require(
      error("inputs:\n  employees: { path: e.csv, delimeter: ';' }\n  performance: { path: p.csv }\n"))
    #expect(failure.key == "inputs.employees.delimeter")
    #expect(failure.line == 2)
  }

  @Test(arguments: [
    ("grain: weekly", "grain"), ("min_group: five", "min_group"), ("min_group: 0", "min_group"),
    ("threads: 2.5", "threads"), ("max_reject_rate: 2", "max_reject_rate"), ("output: [a, b]", "output"),
    ("chunk_size: 1KiB", "chunk_size"), ("chunk_size: 2GiB", "chunk_size"), ("chunk_size: 8MB", "chunk_size"),
    ("chunk_size: -1MiB", "chunk_size"), ("chunk_size: 9999999999999999GiB", "chunk_size"),
  ])
  func wrongTypesAreNamed(line: String, key: String) throws {
    let text = "inputs:\n  employees: { path: e.csv }\n  performance: { path: p.csv }\n\(line)\n"
    let failure = try #require(error(text))
    #expect(failure.key == key)
    #expect(failure.line == 4)
  }

  @Test func inputErrors() throws {
    #expect(error("grain: month\n")?.key == "inputs")
    #expect(error("inputs:\n  employees: { path: e.csv }\n")?.key == "inputs.performance")
    #expect(
      error(
        "inputs:\n  employees: { path: e.csv }\n  performance: { path: p.csv }\n  payroll: { path: x.csv }\n")?
        .key == "inputs.payroll")
    #expect(
      error("inputs:\n  employees: { delimiter: ';' }\n  performance: { path: p.csv }\n")?.key
        == "inputs.employees.path")
    #expect(
      error("inputs:\n  employees: { path: e.csv, delimiter: ':' }\n  performance: { path: p.csv }\n")?.key
        == "inputs.employees.delimiter")
    let mapping = error(
      "inputs:\n  employees: { path: e.csv }\n  performance: { path: p.csv, columns: { X: nilai } }\n")
    #expect(mapping?.key == "inputs.performance.columns.X")
    #expect(mapping?.description.contains("is not a column of performance") == true)
  }

  @Test func aliasesAndInvalidYAMLAreRefused() throws {
    let alias = "defaults: &d { path: e.csv }\ninputs:\n  employees: *d\n  performance: { path: p.csv }\n"
    #expect(error(alias) != nil)
    let aliasInside = "inputs:\n  employees: &d { path: e.csv }\n  performance: *d\n"
    #expect(error(aliasInside)?.message.contains("aliases") == true)
    #expect(error("inputs: [unclosed\n")?.message.contains("not valid YAML") == true)
    #expect(error("")?.message.contains("empty") == true)
  }

  /// Anchors are found by the YAML parser itself, so quotes and escapes cannot hide an
  /// alias bomb, and an `&` inside a value is no anchor.
  @Test func anchorsAreFoundWhateverTheQuoting() throws {
    var bomb = "a: [\"\\\"\", &a [\"lol\", \"lol\", \"lol\"]]\n"
    for level in 1...3 {
      let previous = level == 1 ? "a" : "a\(level - 1)"
      bomb += "a\(level): [\"\\\"\", &a\(level) [*\(previous), *\(previous), *\(previous)]]\n"
    }
    let failure = try #require(error(bomb))
    #expect(failure.message.contains("anchors and aliases"), "\(failure)")
    #expect(failure.line == 1 && failure.column == 11, "\(failure)")
    let singleQuoted = "inputs:\n  employees: { path: 'it''s', columns: &c {} }\n"
    #expect(error(singleQuoted)?.line == 2)

    let ampersand = try load(
      "inputs:\n  employees: { path: R & D/pegawai.csv }\n  performance: { path: \"R & D/*.csv\" }\n")
    #expect(ampersand.inputs[0].declaredPath == "R & D/pegawai.csv")
    #expect(ampersand.inputs[1].declaredPath == "R & D/*.csv")
  }

  @Test func oversizedFilesAreRefused() throws {
    let text = "# " + String(repeating: "x", count: PipelineFile.maximumSize) + "\n"
    #expect(error(text)?.message.contains("larger than") == true)
  }
}

@Suite struct ImpactSettingsTests {
  func load(_ extra: String) throws -> PipelineFile {
    let directory = TemporaryDirectory()
    return try withExtendedLifetime(directory) {
      try PipelineFile.load(
        path: directory.write(
          "p.yaml", "inputs:\n  employees: { path: e.csv }\n  performance: { path: p.csv }\n" + extra))
    }
  }

  @Test func defaultsAndSettings() throws {
    let defaults = try load("")
    #expect(defaults.outputs == Set(Analysis.allCases))
    #expect(
      defaults.impact.window == 3 && defaults.impact.bootstrapDraws == 1000
        && defaults.impact.controlGroup == .never)
    let set = try load(
      "outputs: [trends, did]\nimpact:\n  window: 6\n  min_periods: 2\n  bootstrap: { draws: 0, seed: 9 }\n  control_group: not_yet\n"
    )
    #expect(set.outputs == [.trends, .did])
    #expect(set.impact.window == 6 && set.impact.minPeriods == 2 && set.impact.bootstrapDraws == 0)
    #expect(set.impact.bootstrapSeed == 9 && set.impact.controlGroup == .notYet)
  }

  @Test func ikmGrainAndRankingWeights() throws {
    let file = try load("ikm_grain: year\nrankings:\n  weights: { performance: 2, ikm: 1 }\n")
    #expect(file.ikmGrain == .year)
    #expect(file.rankingWeights[.performance] == 2 && file.rankingWeights[.ikm] == 1)
    #expect(file.rankingWeights[.coverage] == 0, "a component left out weighs nothing")
    #expect(try load("").rankingWeights.values.allSatisfy { $0 == 0.2 }, "equal by default, summing to 1")
  }

  @Test(arguments: [
    ("rankings: { weights: { luck: 1 } }\n", "rankings.weights.luck", 4),
    ("rankings: { weights: { ikm: -1 } }\n", "rankings.weights.ikm", 4),
    ("rankings: { weights: { ikm: 0 } }\n", "rankings.weights", 4),
    ("ikm_grain: week\n", "ikm_grain", 4),
    ("outputs: [trends, payroll]\n", "outputs", 4),
    ("outputs: trends\n", "outputs", 4),
    ("impact: { window: 0 }\n", "impact.window", 4),
    ("impact: { control_group: sometimes }\n", "impact.control_group", 4),
    ("impact:\n  bootstrap: { draws: 10, sed: 1 }\n", "impact.bootstrap.sed", 5),
    ("impact: { window: 2, min_periods: 3 }\n", "impact.min_periods", 4),
  ])
  func mistakesAreNamed(text: String, key: String, line: Int) throws {
    do {
      _ = try load(text)
      Issue.record("accepted \(text)")
    } catch let error as PipelineFileError {
      #expect(error.key == key)
      #expect(error.line == line, "\(error)")
    }
  }
}
