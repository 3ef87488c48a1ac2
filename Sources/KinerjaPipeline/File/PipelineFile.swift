import Crypto
import Foundation
package import KinerjaAnalyse
package import KinerjaExport
package import KinerjaIngest
import Yams

/// A pipeline definition: which exports to read, how, and where results go.
///
/// ```yaml
/// inputs:
///   employees: { path: ../datasets/sample/pegawai.csv }
///   performance:
///     path: ../datasets/sample/kinerja.csv
///     delimiter: ";"          # , ; tab | or auto (default)
///     decimal: ","            # . , or auto (default: , when the delimiter is ;)
///     columns: { "Nilai Akhir": score }   # export header → canonical column
///     max_reject_rate: 0.02
/// grain: month                # month, quarter or year
/// min_group: 5
/// output: ../out/sample
/// threads: 2                  # default: the machine's cores
/// chunk_size: 8MiB            # bytes a thread reads at a time: 64KiB to 1GiB (default 8MiB)
/// max_reject_rate: 0.10       # default for every input
/// outputs: [trends, trend_tests, service_satisfaction, training_coverage, training_effects, did,
///           cost_effectiveness, agency_rankings, training_needs]
/// rankings:
///   weights: { performance: 1, improvement: 1, ikm: 1, coverage: 1, training_effect: 1 }   # default: every output the inputs allow
/// ikm_grain: quarter         # the period IKM is reported per (default quarter)
/// periods: { from: 2015-01, to: 2026-12 }   # default: 2000-01 to the month the run starts
/// report: true                # write report.html (default true)
/// dated_runs: false           # true: each run in runs/<time>, `latest` linking the newest
/// keep_runs: 30               # dated runs kept (default 30)
/// language: id                # the report's language: id (default) or en
/// impact:
///   window: 3                 # periods averaged before and after a training
///   min_periods: 1            # periods needed on each side
///   bootstrap: { draws: 1000, seed: 1 }   # draws: 0 turns the bootstrap off
///   control_group: never      # never or not_yet
///   panel: unbalanced         # unbalanced (every appraisal) or balanced
///   cluster: agency           # agency or employee: what standard errors treat as independent
///   cohort_from: start        # start or end: the training date that sets the cohort
///   anticipation: 0           # periods before the cohort's in which training may already act
/// ```
/// Input paths and `output` are relative to the pipeline file.
package struct PipelineFile: Sendable {
  /// One input's settings.
  package struct Input: Sendable {
    package var kind: InputKind
    /// The path as written in the pipeline file.
    package var declaredPath: String
    /// The path resolved against the pipeline file's folder.
    package var path: String
    package var options: InputOptions
    /// This input's limit on rejected rows / rows read, if it has its own.
    package var maxRejectRate: Double?
  }

  /// The pipeline file's path.
  package var path: String
  /// The file's SHA-256, for the manifest.
  package var sha256: String
  /// Configured inputs, in reading order.
  package var inputs: [Input]
  package var grain: Grain = .month
  package var minGroup: Int = 5
  /// The output location, resolved against the pipeline file's folder, if the file names one.
  package var output: String?
  package var threads: Int?
  /// The bytes of one parallel ingest chunk: results never depend on it, memory does.
  package var chunkSize = 8 << 20
  /// The default limit on rejected rows / rows read.
  package var maxRejectRate: Double = 0.10
  /// Ranking component weights as written (normalised to sum to 1 when used); default equal.
  package var rankingWeights = RankingComponent.equalWeights
  /// The period IKM is reported per: survey responses are rolled up to it.
  package var ikmGrain: Grain = .quarter
  /// The first and last month appraisals and surveys may lie in, when the file sets them;
  /// otherwise 2000-01 and the month the run starts.
  package var periodsFrom: Period?
  package var periodsTo: Period?
  /// Whether `report.html` is written.
  package var report = true
  /// Whether each run is published as `runs/<time>` with a `latest` link, instead of in place.
  package var datedRuns = false
  /// How many dated runs are kept.
  package var keepRuns = 30
  /// The report's language.
  package var language = ReportLanguage.indonesian
  /// The analyses asked for; data quality, rejects and the manifest are always written.
  package var outputs: Set<Analysis> = Set(Analysis.allCases)
  /// Settings of the training-impact analyses.
  package var impact = ImpactSettings()

  /// How training impact is measured.
  package struct ImpactSettings: Sendable {
    package var window = 3
    package var minPeriods = 1
    package var bootstrapDraws = 1000
    package var bootstrapSeed: UInt64 = 1
    package var controlGroup = StaggeredDiD.ControlGroup.never
    package var panel = DiDSettings.Panel.unbalanced
    package var cluster = DiDSettings.Cluster.agency
    package var cohortFrom = DiDSettings.CohortDate.start
    package var anticipation = 0
  }

  /// Pipeline files larger than this are refused.
  package static let maximumSize = 1 << 20

  /// The input of `kind`, if configured.
  package func input(_ kind: InputKind) -> Input? { inputs.first { $0.kind == kind } }

  /// The reject-rate limit that applies to `input`.
  package func rejectLimit(for input: Input) -> Double { input.maxRejectRate ?? maxRejectRate }

  /// Reads and checks the pipeline file at `path`.
  package static func load(path: String) throws -> PipelineFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw PipelineFileError(path: path, message: "cannot read the pipeline file")
    }
    guard data.count <= maximumSize else {
      throw PipelineFileError(path: path, message: "the pipeline file is larger than \(maximumSize) bytes")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw PipelineFileError(path: path, message: "the pipeline file is not UTF-8")
    }
    let parser: Yams.Parser
    let root: Node?
    do {
      parser = try Yams.Parser(yaml: text)
      root = try parser.singleRoot()
    } catch let error as YamlError {
      throw PipelineFileError(path: path, message: "not valid YAML: \(error)")
    }
    guard let root else { throw PipelineFileError(path: path, message: "the pipeline file is empty") }
    // A node holds its anchor weakly; the parser keeps them until it is released.
    let anchored = withExtendedLifetime(parser) { Self.firstAnchor(in: root) }
    if let anchored {
      throw PipelineFileError(
        path: path, line: anchored.mark?.line, column: anchored.mark?.column,
        message: "YAML anchors and aliases (& and *) are not allowed in pipeline files")
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var reader = NodeReader(path: path)
    var pipeline = try reader.pipeline(root, folder: folder)
    pipeline.sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    return pipeline
  }
}

extension PipelineFile {
  /// The first node, in document order, that carries an anchor (`&name`), as the YAML
  /// parser itself read it, so that quoting and escapes cannot hide one. An alias (`*name`)
  /// needs an anchor before it, so this finds the first of either. Pipelines have no use for
  /// them; the search stops at the first, so an alias bomb is never walked.
  static func firstAnchor(in node: Node) -> Node? {
    if node.anchor != nil { return node }
    switch node {
    case .mapping(let mapping):
      for (key, value) in mapping {
        if let found = firstAnchor(in: key) ?? firstAnchor(in: value) { return found }
      }
      return nil
    case .sequence(let sequence):
      for element in sequence {
        if let found = firstAnchor(in: element) { return found }
      }
      return nil
    case .scalar, .alias:
      return nil
    }
  }
}

/// Walks the YAML tree, checking every key and type against what a pipeline may say.
private struct NodeReader {
  let path: String

  func error(_ node: Node?, _ key: String?, _ message: String) -> PipelineFileError {
    PipelineFileError(
      path: path, line: node?.mark.map { $0.line }, column: node?.mark.map { $0.column }, key: key,
      message: message)
  }

  /// The mapping's entries by key, refusing keys outside `allowed` and duplicates.
  func entries(_ node: Node, key: String?, allowed: Set<String>?) throws -> [(
    key: String, keyNode: Node, value: Node
  )] {
    guard case .mapping(let mapping) = node else {
      throw error(node, key, "expected a mapping of keys to values")
    }
    var seen = Set<String>()
    var result: [(String, Node, Node)] = []
    for (keyNode, value) in mapping {
      guard case .scalar(let scalar) = keyNode else { throw error(keyNode, key, "keys must be plain text") }
      let name = scalar.string
      let dotted = key.map { "\($0).\(name)" } ?? name
      if let allowed, !allowed.contains(name) {
        throw error(
          keyNode, dotted, "unknown key; expected one of: \(allowed.sorted().joined(separator: ", "))")
      }
      guard seen.insert(name).inserted else { throw error(keyNode, dotted, "the key appears twice") }
      result.append((name, keyNode, value))
    }
    return result
  }

  func string(_ node: Node, _ key: String) throws -> String {
    guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
      throw error(node, key, "expected text")
    }
    return scalar.string
  }

  func integer(_ node: Node, _ key: String, in range: ClosedRange<Int>) throws -> Int {
    guard case .scalar = node, let value = node.int, range.contains(value) else {
      throw error(node, key, "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return value
  }

  /// A size in bytes, written as a whole number or with a unit: `65536`, `256KiB`, `8MiB`, `1GiB`.
  func byteCount(_ node: Node, _ key: String, in range: ClosedRange<Int>) throws -> Int {
    let units: [(suffix: String, shift: Int)] = [("KiB", 10), ("MiB", 20), ("GiB", 30), ("", 0)]
    if case .scalar = node, let text = node.string?.trimmingCharacters(in: .whitespaces),
      let unit = units.first(where: { text.hasSuffix($0.suffix) }),
      let count = Int(text.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)),
      count >= 0, count <= range.upperBound >> unit.shift, range.contains(count << unit.shift)
    {
      return count << unit.shift
    }
    throw error(node, key, "expected a size from 64KiB to 1GiB (for example 8MiB)")
  }

  func rate(_ node: Node, _ key: String) throws -> Double {
    guard case .scalar = node, let value = node.float, (0...1).contains(value) else {
      throw error(node, key, "expected a share from 0 to 1 (for example 0.05)")
    }
    return value
  }

  mutating func pipeline(_ root: Node, folder: String) throws -> PipelineFile {
    var pipeline = PipelineFile(path: path, sha256: "", inputs: [])
    let keys: Set<String> = [
      "inputs", "grain", "min_group", "output", "threads", "chunk_size", "max_reject_rate", "outputs",
      "impact", "ikm_grain", "periods",
      "rankings", "report", "language", "dated_runs", "keep_runs",
    ]
    var inputsNode: Node?
    for (key, _, value) in try entries(root, key: nil, allowed: keys) {
      switch key {
      case "inputs": inputsNode = value
      case "grain":
        guard let grain = Grain(rawValue: try string(value, key)) else {
          throw error(value, key, "expected month, quarter or year")
        }
        pipeline.grain = grain
      case "min_group": pipeline.minGroup = try integer(value, key, in: 1...1_000_000)
      case "output": pipeline.output = Self.resolve(try string(value, key), in: folder)
      case "threads": pipeline.threads = try integer(value, key, in: 1...1024)
      case "chunk_size": pipeline.chunkSize = try byteCount(value, key, in: (64 << 10)...(1 << 30))
      case "max_reject_rate": pipeline.maxRejectRate = try rate(value, key)
      case "outputs": pipeline.outputs = try analyses(value, key)
      case "rankings":
        for (field, _, setting) in try entries(value, key: key, allowed: ["weights"]) {
          let allowed = Set(RankingComponent.allCases.map(\.rawValue))
          var weights: [RankingComponent: Double] = [:]
          for (component, _, weight) in try entries(setting, key: "rankings.\(field)", allowed: allowed) {
            // Weights are normalised to sum to 1: huge ones would overflow the sum.
            guard case .scalar = weight, let number = weight.float, (0...1_000_000).contains(number) else {
              throw error(weight, "rankings.weights.\(component)", "expected a weight from 0 to 1000000")
            }
            weights[RankingComponent(rawValue: component)!] = number
          }
          guard weights.values.reduce(0, +) > 0 else {
            throw error(setting, "rankings.weights", "at least one weight must be above 0")
          }
          pipeline.rankingWeights = Dictionary(
            uniqueKeysWithValues: RankingComponent.allCases.map { ($0, weights[$0] ?? 0) })
        }
      case "ikm_grain":
        guard let grain = Grain(rawValue: try string(value, key)) else {
          throw error(value, key, "expected month, quarter or year")
        }
        pipeline.ikmGrain = grain
      case "impact": pipeline.impact = try impact(value)
      case "periods":
        for (name, _, bound) in try entries(value, key: key, allowed: ["from", "to"]) {
          let text = try string(bound, "periods.\(name)")
          guard let period = Array(text.utf8).withUnsafeBytes({ Field($0).period() }) else {
            throw error(bound, "periods.\(name)", "expected a period such as 2015-01, 2015-Q1 or 2015")
          }
          // A quarter or year bound covers its months: from its first, to its last.
          let months = 12 / period.grain.periodsPerYear
          let month = Period(grain: .month, index: period.index * Int32(months) + (name == "to" ? Int32(months - 1) : 0))
          if name == "from" { pipeline.periodsFrom = month } else { pipeline.periodsTo = month }
        }
        if let from = pipeline.periodsFrom, let to = pipeline.periodsTo, from > to {
          throw error(value, key, "'from' (\(from)) is after 'to' (\(to))")
        }
      case "report":
        guard case .scalar = value, let flag = value.bool else {
          throw error(value, key, "expected true or false")
        }
        pipeline.report = flag
      case "dated_runs":
        guard case .scalar = value, let flag = value.bool else {
          throw error(value, key, "expected true or false")
        }
        pipeline.datedRuns = flag
      case "keep_runs": pipeline.keepRuns = try integer(value, key, in: 1...100_000)
      case "language":
        guard let language = ReportLanguage(rawValue: try string(value, key)) else {
          throw error(value, key, "expected id (Indonesian) or en (English)")
        }
        pipeline.language = language
      default: break
      }
    }
    guard let inputsNode else { throw error(root, "inputs", "the pipeline needs an 'inputs' section") }
    let kinds = Set(InputKind.allCases.map(\.rawValue))
    var inputs: [InputKind: PipelineFile.Input] = [:]
    for (name, _, value) in try entries(inputsNode, key: "inputs", allowed: kinds) {
      let kind = InputKind(rawValue: name)!
      inputs[kind] = try input(kind, value, key: "inputs.\(name)", folder: folder)
    }
    for required in [InputKind.employees, .performance] where inputs[required] == nil {
      throw error(inputsNode, "inputs.\(required.rawValue)", "this input is required")
    }
    pipeline.inputs = InputKind.readingOrder.compactMap { inputs[$0] }
    return pipeline
  }

  func analyses(_ node: Node, _ key: String) throws -> Set<Analysis> {
    guard case .sequence(let sequence) = node else {
      throw error(node, key, "expected a list, such as [trends, training_effects, did]")
    }
    var result = Set<Analysis>()
    for item in sequence {
      guard let analysis = Analysis(rawValue: try string(item, key)) else {
        throw error(
          item, key,
          "unknown output; expected one of: \(Analysis.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      result.insert(analysis)
    }
    return result
  }

  func impact(_ node: Node) throws -> PipelineFile.ImpactSettings {
    var settings = PipelineFile.ImpactSettings()
    for (name, _, value) in try entries(
      node, key: "impact",
      allowed: ["window", "min_periods", "bootstrap", "control_group", "panel", "cluster", "cohort_from", "anticipation"])
    {
      let key = "impact.\(name)"
      switch name {
      case "window": settings.window = try integer(value, key, in: 1...120)
      case "min_periods": settings.minPeriods = try integer(value, key, in: 1...120)
      case "control_group":
        guard let control = StaggeredDiD.ControlGroup(rawValue: try string(value, key)) else {
          throw error(value, key, "expected never or not_yet")
        }
        settings.controlGroup = control
      case "panel":
        guard let panel = DiDSettings.Panel(rawValue: try string(value, key)) else {
          throw error(value, key, "expected unbalanced or balanced")
        }
        settings.panel = panel
      case "cluster":
        guard let cluster = DiDSettings.Cluster(rawValue: try string(value, key)) else {
          throw error(value, key, "expected agency or employee")
        }
        settings.cluster = cluster
      case "cohort_from":
        guard let date = DiDSettings.CohortDate(rawValue: try string(value, key)) else {
          throw error(value, key, "expected start or end")
        }
        settings.cohortFrom = date
      case "anticipation": settings.anticipation = try integer(value, key, in: 0...24)
      case "bootstrap":
        for (field, _, setting) in try entries(value, key: key, allowed: ["draws", "seed"]) {
          if field == "draws" {
            settings.bootstrapDraws = try integer(setting, "\(key).draws", in: 0...1_000_000)
          } else {
            settings.bootstrapSeed = UInt64(try integer(setting, "\(key).seed", in: 0...Int.max))
          }
        }
      default: break
      }
    }
    guard settings.minPeriods <= settings.window else {
      throw error(node, "impact.min_periods", "min_periods cannot exceed window")
    }
    return settings
  }

  func input(_ kind: InputKind, _ node: Node, key: String, folder: String) throws -> PipelineFile.Input {
    let allowed: Set<String> = ["path", "delimiter", "decimal", "columns", "max_reject_rate"]
    var declared: String?
    var options = InputOptions()
    var limit: Double?
    for (name, _, value) in try entries(node, key: key, allowed: allowed) {
      let dotted = "\(key).\(name)"
      switch name {
      case "path": declared = try string(value, dotted)
      case "delimiter":
        let text = try string(value, dotted)
        switch text.lowercased() {
        case "auto": break
        case ",", ";", "|": options.dialect.delimiter = text.utf8.first
        case "\t", "tab", "\\t": options.dialect.delimiter = 0x09
        default: throw error(value, dotted, "expected \",\", \";\", tab, \"|\" or auto")
        }
      case "decimal":
        switch try string(value, dotted) {
        case "auto": break
        case ".": options.dialect.decimalMark = UInt8(ascii: ".")
        case ",": options.dialect.decimalMark = UInt8(ascii: ",")
        default: throw error(value, dotted, "expected \".\", \",\" or auto")
        }
      case "columns":
        let known = Set(InputSchema.of(kind).columns.map(\.name))
        for (header, _, canonical) in try entries(value, key: dotted, allowed: nil) {
          let target = try string(canonical, "\(dotted).\(header)")
          guard known.contains(target) else {
            throw error(
              canonical, "\(dotted).\(header)",
              "'\(target)' is not a column of \(kind.rawValue); "
                + "expected one of: \(known.sorted().joined(separator: ", "))")
          }
          options.columns[header] = target
        }
      case "max_reject_rate": limit = try rate(value, dotted)
      default: break
      }
    }
    guard let declared else { throw error(node, "\(key).path", "each input needs a path") }
    return PipelineFile.Input(
      kind: kind, declaredPath: declared, path: Self.resolve(declared, in: folder), options: options,
      maxRejectRate: limit)
  }

  static func resolve(_ path: String, in folder: String) -> String {
    path.hasPrefix("/")
      ? path : URL(fileURLWithPath: folder).appendingPathComponent(path).standardizedFileURL.path
  }
}
