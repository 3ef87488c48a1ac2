import Foundation
import KinerjaTestSupport
import Testing

@Suite(.serialized) struct DeterminismEndToEndTests {
  /// The pipeline's `chunk_size`: ingest cuts the employee and appraisal files into chunks
  /// of this size, the smallest allowed, so a small file spans many chunks.
  static let chunkSize = 64 << 10

  /// An appraisal file of some thirty ingest chunks, with bad rows of every kind, duplicates
  /// next to each other (planted by the generator) and duplicates of rows many chunks earlier
  /// (appended copies), run at 1, 2 and 8 threads: every output, rejects included, is the
  /// same byte for byte, and manifest.json is the same but for its times and thread count.
  @Test func aFileOfSeveralChunksGivesTheSameOutputsForAnyThreadCount() throws {
    let directory = TemporaryDirectory()
    let data = "\(directory.path)/data"
    let generated = try KinerjaCommand.run([
      "generate", "--employees", "1000", "--months", "24", "--seed", "12", "--out", data, "--bad-rows",
      "0.01",
    ])
    #expect(generated.status == 0, "\(generated.standardError)")

    let appraisals = "\(data)/kinerja.csv"
    let text = try #require(FileManager.default.contents(atPath: appraisals))
    let lines = text.split(separator: 0x0A, omittingEmptySubsequences: false)
    let copies = lines[1...400].filter { !$0.contains(UInt8(ascii: "\"")) }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: appraisals))
    try handle.seekToEnd()
    for line in copies { try handle.write(contentsOf: line + [0x0A]) }
    try handle.close()
    let size = try #require(try FileManager.default.attributesOfItem(atPath: appraisals)[.size] as? Int)
    #expect(size > 20 * Self.chunkSize, "kinerja.csv is \(size) bytes: fewer than twenty chunks")

    let pipeline = directory.write(
      "pipeline.yaml",
      """
      inputs:
        employees: { path: data/pegawai.csv }
        performance: { path: data/kinerja.csv }
        training: { path: data/riwayat_diklat.csv }
        service_feedback: { path: data/skm.csv }
        training_feedback: { path: data/evaluasi_diklat.csv }
      grain: month
      min_group: 5
      chunk_size: 64KiB
      max_reject_rate: 0.1
      impact:
        bootstrap: { draws: 100, seed: 5 }
      """)
    var runs: [[String: Data]] = []
    for threads in [1, 2, 8] {
      let out = "\(directory.path)/out-\(threads)"
      let result = try KinerjaCommand.run(
        ["run", pipeline, "--out", out, "--threads", "\(threads)", "--quiet"],
        environment: KinerjaCommand.pinnedDate)
      #expect(result.status == 0, "\(threads) threads: \(result.standardError)")
      runs.append(filesUnder(out))
    }
    #expect(runs[0].count == 34, "every output as CSV and JSON, report.html and manifest.json")
    for (index, threads) in [(1, 2), (2, 8)] {
      for (path, bytes) in runs[0] where path != "manifest.json" {
        #expect(runs[index][path] == bytes, "\(path) differs between 1 and \(threads) threads")
      }
      #expect(Set(runs[index].keys) == Set(runs[0].keys))
      #expect(
        try manifestWithoutTimes(runs[index]["manifest.json"], threads: true)
          == manifestWithoutTimes(runs[0]["manifest.json"], threads: true),
        "manifest.json differs between 1 and \(threads) threads")
    }

    // The file exercised what it was made for: rows rejected in every chunk, and the
    // appended copies rejected as duplicates of rows many chunks before them.
    let rejects = CSVText(bytes: Array(runs[0]["rejects/performance.csv"]!), delimiter: UInt8(ascii: ","))
    let rejectedLines = rejects.column("line")!.compactMap(Int.init)
    let linesPerChunk = (lines.count - 1) / (size / Self.chunkSize + 1)
    #expect(Set(rejectedLines.map { $0 / linesPerChunk }).count >= 20)
    let duplicates = zip(rejects.column("reason")!, rejectedLines).filter { $0.0 == "duplicate_period" }
    #expect(duplicates.filter { $0.1 <= 401 }.count >= copies.count / 2)
  }

  /// `kinerja generate` with the arguments the README gives for datasets/sample writes
  /// exactly the files in datasets/sample, byte for byte.
  @Test func theSampleDataSetRegeneratesByteForByte() throws {
    let directory = TemporaryDirectory()
    let result = try KinerjaCommand.run([
      "generate", "--employees", "360", "--months", "24", "--seed", "2024", "--out", directory.path,
      "--dialect", "agency", "--bad-rows", "0.008",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let committed = filesUnder(KinerjaCommand.repository.appendingPathComponent("datasets/sample").path)
    let regenerated = filesUnder(directory.path)
    #expect(committed.keys.sorted() == regenerated.keys.sorted())
    #expect(committed.count == 7)
    for (file, bytes) in committed {
      #expect(regenerated[file] == bytes, "datasets/sample/\(file) is not what generate writes")
    }
  }

  /// report.html shows the day of `SOURCE_DATE_EPOCH` when it is set, so two runs on either
  /// side of midnight give the same page; without it, the day the run started (UTC).
  @Test func theReportsRunDateFollowsSourceDateEpoch() throws {
    let directory = TemporaryDirectory()
    func reportDate(_ environment: [String: String?]) throws -> String? {
      let out = "\(directory.path)/out"
      let result = try KinerjaCommand.run(
        ["run", "pipelines/sample.yaml", "--out", out, "--quiet"], environment: environment)
      #expect(result.status == 0, "\(result.standardError)")
      let page = try String(contentsOfFile: "\(out)/report.html", encoding: .utf8)
      let dates = page.matches(of: /\d{4}-\d{2}-\d{2}/).map { String($0.output) }
      return dates.first
    }
    #expect(try reportDate(KinerjaCommand.pinnedDate) == "2026-11-23")
    #expect(try reportDate(["SOURCE_DATE_EPOCH": "1795478400"]) == "2026-11-24", "one second later")
    let before = Date()
    let today = try reportDate(["SOURCE_DATE_EPOCH": nil])
    #expect([before, Date()].map(Self.day).contains(today ?? ""))

    let refused = try KinerjaCommand.run(
      ["run", "pipelines/sample.yaml", "--out", "\(directory.path)/refused", "--quiet"],
      environment: ["SOURCE_DATE_EPOCH": "yesterday"])
    #expect(refused.status == 2 && refused.standardError.contains("SOURCE_DATE_EPOCH"))
    #expect(!FileManager.default.fileExists(atPath: "\(directory.path)/refused/report.html"))
  }

  private static func day(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
  }
}
