import Foundation
import KinerjaClean
import KinerjaIngest
import KinerjaTestSupport
import Testing

@Suite struct ConcurrentCleaningTests {
  static let sample = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("datasets/sample")

  /// The sample's appraisals (bad rows included) plus a quoted field holding line
  /// breaks and late duplicates of rows all through the file, cleaned whole on one thread
  /// and in small chunks on several: panel, counts and rejects (the earlier duplicates
  /// read again from the chunks' starts) must be the same.
  @Test func performanceIsTheSameForEveryChunkSizeAndThreadCount() throws {
    let directory = TemporaryDirectory()
    let roster = try EmployeeCleaner().clean(
      try InputReader(kind: .employees, path: Self.sample.appendingPathComponent("pegawai.csv").path),
      rejects: &DiscardedRejects.shared
    ).table
    var bytes = [UInt8](try Data(contentsOf: Self.sample.appendingPathComponent("kinerja.csv")))
    let lines = bytes.split(separator: UInt8(ascii: "\n"))
    bytes += lines[1].prefix(18) + Array(";\"Januari\n2023\";80;;;;;\n".utf8)
    bytes += lines[5] + [UInt8(ascii: "\n")] + lines[2] + [UInt8(ascii: "\n")]
    for line in stride(from: 3, to: lines.count - 1, by: 11) { bytes += lines[line] + [UInt8(ascii: "\n")] }
    let path = directory.write("kinerja.csv", bytes: bytes)

    func clean(chunkSize: Int, threads: Int) throws -> (PerformancePanel, InputTally, CollectedRejects) {
      var rejects = CollectedRejects()
      let result = try PerformanceCleaner(grain: .month, chunkSize: chunkSize).clean(
        try InputReader(kind: .performance, path: path), roster: roster, threads: threads, rejects: &rejects)
      return (result.table, result.tally, rejects)
    }
    let (panel, tally, rejects) = try clean(chunkSize: 1 << 30, threads: 1)
    #expect(tally.rejectedByReason[.duplicatePeriod, default: 0] >= 20)
    #expect(tally.rejectedByReason[.malformedRow, default: 0] >= 1)
    expectBalanced(tally, rejects, input: .performance)

    for (chunkSize, threads) in [(997, 2), (4096, 4), (65_536, 2), (1 << 30, 2), (1500, 1)] {
      let (otherPanel, otherTally, otherRejects) = try clean(chunkSize: chunkSize, threads: threads)
      let context = Comment(rawValue: "chunk size \(chunkSize), \(threads) threads")
      #expect(otherTally == tally, context)
      #expect(otherRejects.entries == rejects.entries, context)
      #expect(otherRejects.fields == rejects.fields, context)
      #expect(otherPanel.firstPeriod == panel.firstPeriod, context)
      #expect(
        otherPanel.scores.map { $0.map(\.bitPattern) } == panel.scores.map { $0.map(\.bitPattern) }, context)
      #expect(otherPanel.ratings == panel.ratings, context)
    }
  }
}

extension ConcurrentCleaningTests {
  /// The sample's employee master plus a late duplicate NIP, whole on one thread and in
  /// small chunks on several: the same roster, labels in the same order, same rejects.
  @Test func employeesAreTheSameForEveryChunkSizeAndThreadCount() throws {
    let directory = TemporaryDirectory()
    var bytes = [UInt8](try Data(contentsOf: Self.sample.appendingPathComponent("pegawai.csv")))
    let lines = bytes.split(separator: UInt8(ascii: "\n"))
    bytes += lines[3] + [UInt8(ascii: "\n")] + lines[1] + [UInt8(ascii: "\n")]
    let path = directory.write("pegawai.csv", bytes: bytes)

    func clean(chunkSize: Int, threads: Int) throws -> (EmployeeRoster, InputTally, CollectedRejects) {
      var rejects = CollectedRejects()
      let result = try EmployeeCleaner(chunkSize: chunkSize).clean(
        try InputReader(kind: .employees, path: path), threads: threads, rejects: &rejects)
      return (result.table, result.tally, rejects)
    }
    let (roster, tally, rejects) = try clean(chunkSize: 1 << 30, threads: 1)
    #expect(tally.rejectedByReason[.duplicateEmployee, default: 0] >= 2)
    expectBalanced(tally, rejects, input: .employees)

    for (chunkSize, threads) in [(499, 2), (4096, 4), (1 << 30, 2)] {
      let (other, otherTally, otherRejects) = try clean(chunkSize: chunkSize, threads: threads)
      let context = Comment(rawValue: "chunk size \(chunkSize), \(threads) threads")
      #expect(otherTally == tally, context)
      #expect(otherRejects.entries == rejects.entries, context)
      #expect(otherRejects.fields == rejects.fields, context)
      #expect(other.nips == roster.nips, context)
      #expect(other.agency == roster.agency && other.region == roster.region, context)
      #expect(other.unit == roster.unit && other.sector == roster.sector, context)
      #expect(other.grade == roster.grade && other.positionType == roster.positionType, context)
      #expect(other.gender == roster.gender && other.birthDate == roster.birthDate, context)
      #expect(
        other.agencies.labels == roster.agencies.labels && other.agencyNames == roster.agencyNames, context)
      #expect(
        other.regions.labels == roster.regions.labels && other.units.labels == roster.units.labels, context)
      #expect(other.sectors.labels == roster.sectors.labels, context)
    }
  }
}

/// Drops every rejection.
struct DiscardedRejects: RejectRecorder {
  nonisolated(unsafe) static var shared = DiscardedRejects()
  mutating func reject(_ record: CSVRecord, of input: InputReader, because rejection: Rejection) throws {}
}
