import Benchmark
import Foundation
import KinerjaAggregate
import KinerjaClean
import KinerjaIngest

/// An appraisal export of `rows` rows in the agency dialect, written once per run.
private func appraisalFile(rows: Int) -> String {
  let path = NSTemporaryDirectory() + "kinerja-benchmark-\(rows).csv"
  if FileManager.default.fileExists(atPath: path) { return path }
  var text = "NIP;Periode;Nilai SKP;Predikat\n"
  text.reserveCapacity(rows * 48)
  for row in 0..<rows {
    text +=
      "1980010120050110\(String(format: "%02d", row % 99 + 1));Maret 2024;\(60 + row % 50),\(row % 100);Baik\n"
  }
  _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
  return path
}

/// 16,667 employees and their appraisals for 12 months (200,004 rows), written once per run.
private func appraisalsWithRoster() throws -> (roster: EmployeeRoster, appraisals: String) {
  let nips = (0..<16_667).map { employee in
    "1980\(String(format: "%02d%02d", employee / 999 / 28 % 12 + 1, employee / 999 % 28 + 1))2005011\(String(format: "%03d", employee % 999 + 1))"
  }
  let rosterPath = NSTemporaryDirectory() + "kinerja-benchmark-appraisal-roster.csv"
  let appraisalPath = NSTemporaryDirectory() + "kinerja-benchmark-appraisals-12m.csv"
  if !FileManager.default.fileExists(atPath: appraisalPath) {
    var roster = "nip,agency_code,region\n"
    var appraisals = "nip,period,score,rating\n"
    for (index, nip) in nips.enumerated() {
      roster += "\(nip),A\(index % 40),R\(index % 7)\n"
      for month in 1...12 {
        appraisals += "\(nip),2024-\(String(format: "%02d", month)),\(60 + index % 40).\(month),Baik\n"
      }
    }
    _ = FileManager.default.createFile(atPath: rosterPath, contents: Data(roster.utf8))
    _ = FileManager.default.createFile(atPath: appraisalPath, contents: Data(appraisals.utf8))
  }
  var rejects = IgnoredRejects()
  let roster = try EmployeeCleaner().clean(InputReader(kind: .employees, path: rosterPath), rejects: &rejects)
    .table
  return (roster, appraisalPath)
}

/// Drops rejected rows.
private struct IgnoredRejects: RejectRecorder {
  mutating func reject(_ record: CSVRecord, of input: InputReader, because rejection: Rejection) throws {}
}

/// Runs `body` on a `Field` holding each of `fields` (bytes prepared before measuring).
private func eachField(_ fields: [[UInt8]], _ body: (Field) -> Void) {
  for bytes in fields { bytes.withUnsafeBytes { body(Field($0)) } }
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(3))

  // Ingest: every record of a 200,000-row export through libcsv, fields counted.
  Benchmark("ingest: parse 200k appraisal rows", configuration: .init(scalingFactor: .one)) { benchmark in
    let path = appraisalFile(rows: 200_000)
    let reader = CSVRecordReader(
      path: path, dialect: Dialect(delimiter: UInt8(ascii: ";"), decimalMark: UInt8(ascii: ",")))
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      var fields = 0
      try reader.forEachRecord { fields += $0.count }
      blackHole(fields)
    }
  }

  // Ingest in parallel: the same file in 1 MiB chunks on two threads, each chunk's
  // records folded into a count and the partials merged in file order.
  Benchmark(
    "ingest: parse 200k appraisal rows in 1 MiB chunks, 2 threads", configuration: .init(scalingFactor: .one)
  ) {
    benchmark in
    let path = appraisalFile(rows: 200_000)
    let reader = ConcurrentRecordReader(
      path: path, dialect: Dialect(delimiter: UInt8(ascii: ";"), decimalMark: UInt8(ascii: ",")),
      chunkSize: 1 << 20,
      threads: 2)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      var fields = 0
      try reader.read(
        parse: { records in
          var count = 0
          try records.forEach { count += $0.count }
          return count
        },
        merge: { count, _ in fields += count })
      blackHole(fields)
    }
  }

  // Partial-aggregate merge: 16,667 employees × 12 months of appraisals cleaned in 1 MiB
  // chunks on two threads, each chunk's accepted rows and rejects merged into the
  // employee × period store in file order; against the same work in one piece on one thread.
  for (label, chunkSize, threads) in [
    ("one piece, 1 thread", 1 << 30, 1), ("1 MiB chunks merged, 2 threads", 1 << 20, 2),
  ] {
    Benchmark("clean: 200k appraisals, \(label)", configuration: .init(scalingFactor: .one)) { benchmark in
      let (roster, path) = try appraisalsWithRoster()
      let input = try InputReader(kind: .performance, path: path)
      var rejects = IgnoredRejects()
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        blackHole(
          try PerformanceCleaner(grain: .month, chunkSize: chunkSize).clean(
            input, roster: roster, threads: threads, rejects: &rejects
          ).tally.accepted)
      }
    }
  }

  // Field conversion from bytes, 1,000 fields per iteration.
  let nips = (0..<1000).map { Array("19800101 200501 1 \(String(format: "%03d", $0 % 999 + 1))".utf8) }
  Benchmark("fields: 1k NIPs", configuration: .init(scalingFactor: .kilo)) { benchmark in
    for _ in benchmark.scaledIterations { eachField(nips) { blackHole(NIP($0)) } }
  }
  let periods = (0..<1000).map { Array(["Maret 2024", "03/2024", "2024-03", "2024 TW I"][$0 % 4].utf8) }
  Benchmark("fields: 1k periods", configuration: .init(scalingFactor: .kilo)) { benchmark in
    for _ in benchmark.scaledIterations { eachField(periods) { blackHole($0.period()) } }
  }
  let decimals = (0..<1000).map { Array("\(60 + $0 % 50),\($0 % 100)".utf8) }
  Benchmark("fields: 1k decimal-comma scores", configuration: .init(scalingFactor: .kilo)) { benchmark in
    for _ in benchmark.scaledIterations {
      eachField(decimals) { blackHole($0.decimal(mark: UInt8(ascii: ","))) }
    }
  }

  // Aggregate: the trends partitions of 100,000 employees × 12 periods, joined in order.
  Benchmark(
    "aggregate: trends partitions, 100k employees × 12 periods", configuration: .init(scalingFactor: .one)
  ) {
    benchmark in
    let directory = NSTemporaryDirectory() + "kinerja-benchmark-roster.csv"
    var text = "nip,agency_code,region,unit,sector,grade\n"
    for employee in 0..<100_000 {
      text +=
        "\(1970 + employee / 4000)0101200501\(1 + employee % 2)\(String(format: "%03d", employee % 999 + 1)),"
        + "AG\(employee % 250),R\(employee % 30),U\(employee % 5),S\(employee % 7),III/a\n"
    }
    _ = FileManager.default.createFile(atPath: directory, contents: Data(text.utf8))
    var rejects = IgnoredRejects()
    let roster = try EmployeeCleaner().clean(
      InputReader(kind: .employees, path: directory), rejects: &rejects
    ).table
    var state: UInt64 = 7
    let scores = (0..<12).map { _ in
      (0..<roster.count).map { _ -> Double in
        state = state &* 6_364_136_223_846_793_005 &+ 1
        return 60 + Double(state >> 40) / Double(1 << 24) * 60
      }
    }
    let panel = PerformancePanel(
      grain: .month, firstPeriod: .month(1, of: 2024), employees: roster.count, scores: scores,
      ratings: scores.map { $0.map { _ in Rating.baik.rawValue } })
    let aggregator = TrendAggregator(
      panel: panel, groupings: Dimension.rosterLevels.map { EmployeeGrouping(level: $0, roster: roster) })
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(aggregator.summarise(threads: 2) { _, sample in sample.scores.count })
    }
  }
}
