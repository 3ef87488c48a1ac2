import Foundation
import KinerjaIngest
import KinerjaTestSupport
import Testing

/// One record as both readers report it, for comparing them.
private struct SeenRecord: Equatable, Sendable, CustomStringConvertible {
  var line: Int
  var offset: Int64
  var malformed: Bool
  var fields: [String]

  init(_ record: CSVRecord, lineShift: Int = 0) {
    line = record.line + lineShift
    offset = record.offset
    malformed = record.malformation != nil
    fields = record.fieldTexts
  }

  var description: String { "line \(line) @\(offset)\(malformed ? " malformed" : ""): \(fields)" }
}

private func sequentialRecords(
  _ path: String, _ dialect: Dialect, bufferSize: Int = 1 << 20
) throws -> ([SeenRecord], InputFingerprint) {
  var seen: [SeenRecord] = []
  let fingerprint = try CSVRecordReader(path: path, dialect: dialect, bufferSize: bufferSize).forEachRecord {
    seen.append(SeenRecord($0))
  }
  return (seen, fingerprint)
}

private func concurrentRecords(
  _ path: String, _ dialect: Dialect, chunkSize: Int, threads: Int
) throws -> ([SeenRecord], InputFingerprint) {
  var seen: [SeenRecord] = []
  let fingerprint = try ConcurrentRecordReader(
    path: path, dialect: dialect, chunkSize: chunkSize, threads: threads
  )
  .read(
    parse: { records in
      var held = HeldRecords()
      try records.forEach { held.append($0) }
      return held
    },
    merge: { held, place in
      for index in 0..<held.count {
        held.withRecord(index, lineShift: place.lineShift) { seen.append(SeenRecord($0)) }
      }
    })
  return (seen, fingerprint)
}

@Suite struct ConcurrentRecordReaderTests {
  let comma = Dialect(delimiter: UInt8(ascii: ","), decimalMark: UInt8(ascii: "."))

  /// Quoted fields holding one or several line breaks, escaped quotes, blank lines, a
  /// misplaced quote and CRLF: every kind of line start that is not a record start.
  static let awkward = [
    "nip,comment,score\r\n",
    "1,\"Pelayanan\ncepat\",80\r\n",
    "2,plain,81\n",
    "3,\"baris satu\nbaris dua\nbaris \"\"tiga\"\"\n\",82\n",
    "\n",
    "4,\"a,b\",83\n",
    "5,bro\"ken,84\n",
    "6,\"\n\n\",85\n",
    "7,\"\"\"\n\"\"\",86\n",
    "8,end,87",
  ].joined()

  @Test(arguments: [1, 2, 3, 5, 7, 11, 16, 23, 31, 64, 100, 4096])
  func recordsMatchTheSequentialReaderAtEveryChunkSize(chunkSize: Int) throws {
    let directory = TemporaryDirectory()
    let path = directory.write("awkward.csv", Self.awkward)
    let (expected, expectedFingerprint) = try sequentialRecords(path, comma)
    #expect(expected.count == 9)
    #expect(expected.filter(\.malformed).count == 1)
    for threads in [1, 2, 4] {
      let (seen, fingerprint) = try concurrentRecords(path, comma, chunkSize: chunkSize, threads: threads)
      #expect(seen == expected, "chunk size \(chunkSize), \(threads) threads")
      #expect(fingerprint == expectedFingerprint)
    }
  }

  @Test func unterminatedQuoteAndByteOrderMark() throws {
    let directory = TemporaryDirectory()
    let text = Array("a,b\n1,2\n3,\"open\nstill open\n4,5\n".utf8)
    let path = directory.write("open.csv", bytes: [0xEF, 0xBB, 0xBF] + text)
    let dialect = try Dialect.detect(path: path)
    let (expected, _) = try sequentialRecords(path, dialect)
    #expect(expected.map(\.malformed) == [false, false, true, false, false], "only line 3 is lost")
    #expect(expected.last?.fields == ["4", "5"])
    for chunkSize in 1...text.count + 4 {
      let (seen, _) = try concurrentRecords(path, dialect, chunkSize: chunkSize, threads: 3)
      #expect(seen == expected, "chunk size \(chunkSize)")
    }
  }

  /// Random files of short rows, many with quoted line breaks, cut at random chunk sizes.
  @Test func randomFilesWithLineBreaksInsideQuotes() throws {
    var random = SeededGenerator(seed: 61)
    let directory = TemporaryDirectory()
    for round in 0..<20 {
      var text = "nip,comment,score\n"
      for row in 0..<Int.random(in: 1...60, using: &random) {
        let breaks = Int.random(in: 0...3, using: &random)
        let comment = (0...breaks).map { _ in
          String(repeating: "x", count: Int.random(in: 0...9, using: &random))
        }
        .joined(separator: Bool.random(using: &random) ? "\n" : "\r\n")
        text += "\(row),\"\(comment)\",\(row % 100)\n"
        if Int.random(in: 0..<10, using: &random) == 0 { text += "\n" }
      }
      let path = directory.write("random\(round).csv", text)
      let (expected, _) = try sequentialRecords(path, comma)
      for _ in 0..<8 {
        let chunkSize = Int.random(in: 1...max(1, text.utf8.count), using: &random)
        let (seen, _) = try concurrentRecords(path, comma, chunkSize: chunkSize, threads: 2)
        #expect(seen == expected, "round \(round), chunk size \(chunkSize)")
      }
    }
  }

  @Test func emptyFileAndHeaderOnly() throws {
    let directory = TemporaryDirectory()
    for text in ["", "a,b", "a,b\n", "\n\n"] {
      let path = directory.write("small.csv", text)
      let (expected, _) = try sequentialRecords(path, comma)
      for chunkSize in [1, 2, 64] {
        let (seen, _) = try concurrentRecords(path, comma, chunkSize: chunkSize, threads: 2)
        #expect(seen == expected, "\(text.debugDescription), chunk size \(chunkSize)")
      }
    }
  }
}

@Suite struct RecordLimitTests {
  /// A 20 MiB field is broken off at 16 MiB as one malformed record; reading goes on at
  /// the next line, for the sequential and the chunked reader alike.
  @Test func recordsLongerThanTheLimitAreMalformed() throws {
    let directory = TemporaryDirectory()
    var bytes = Array("nip,comment\n1,short\n2,".utf8)
    bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 20 << 20)
    bytes += Array("\n3,after\n".utf8)
    let path = directory.write("long.csv", bytes: bytes)
    let comma = Dialect(delimiter: UInt8(ascii: ","), decimalMark: UInt8(ascii: "."))
    var seen: [(line: Int, malformation: Malformation?, first: String)] = []
    try CSVRecordReader(path: path, dialect: comma).forEachRecord { record in
      seen.append((record.line, record.malformation, String(decoding: record[0].prefix(5), as: UTF8.self)))
    }
    #expect(seen.map(\.line) == [1, 2, 3, 4])
    #expect(seen[2].malformation == .tooLong)
    #expect(seen[3].first == "3" && seen[3].malformation == nil)

    var chunked: [(Int, Malformation?)] = []
    try ConcurrentRecordReader(path: path, dialect: comma, chunkSize: 3 << 20, threads: 2).read(
      parse: { records in
        var lines: [(Int, Malformation?)] = []
        try records.forEach { lines.append(($0.line, $0.malformation)) }
        return lines
      },
      merge: { lines, place in chunked += lines.map { ($0.0 + place.lineShift, $0.1) } })
    #expect(chunked.map(\.0) == [1, 2, 3, 4])
    #expect(chunked[2].1 == .tooLong)
  }

  @Test func aFileThatChangesWhileReadIsNoticed() throws {
    let directory = TemporaryDirectory()
    let path = directory.write("pegawai.csv", "nip,agency_code,region\n198001012005011001,A1,R1\n")
    let reader = try InputReader(kind: .employees, path: path)
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data("198502022010012002,A1,R1\n".utf8))
    try handle.close()
    #expect(throws: IngestError.changedWhileReading(path: path)) { try reader.forEachRow { _ in } }
    #expect(throws: IngestError.changedWhileReading(path: path)) {
      try reader.foldRows(threads: 2, parse: { rows in try rows.forEachRow { _ in } }, merge: { _, _ in })
    }
  }
}

@Suite struct FuzzFindingTests {
  /// Found by scripts/fuzz.sh: a row with NUL and invalid bytes, then a quote left open at
  /// the end of the file.
  static let finding: [UInt8] = [
    110, 105, 112, 44, 112, 101, 114, 105, 111, 100, 44, 115, 99, 111, 114, 101, 44, 114, 97, 116, 105, 110,
    103, 10, 49, 57, 56, 48, 48, 49, 48, 49, 57, 100, 48, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 53, 48, 49, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 255, 255, 255, 255, 255, 255, 255, 10, 32, 32, 32, 32, 49, 48, 48,
    49, 44, 50, 58, 50, 52, 45, 48, 49, 44, 56, 48, 44, 66, 97, 105, 107, 10, 49, 57, 56, 53, 48, 50, 48, 34,
    10,
  ]

  /// Found by scripts/fuzz.sh: a line starting with a lone CR (which libcsv reads as the
  /// end of an empty row), split from the rest of its line by a read buffer.
  static let secondFinding: [UInt8] = [110, 105, 112, 44, 112, 101, 114, 105, 111, 100, 44, 115, 99, 111, 114, 101, 44, 114, 97, 116, 105, 110, 103, 10, 49, 57, 56, 48, 48, 49, 48, 49, 50, 48, 48, 53, 48, 49, 49, 48, 48, 49, 44, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 88, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 88, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 50, 58, 50, 52, 45, 48, 49, 44, 56, 48, 44, 66, 97, 105, 107, 10, 49, 57, 114, 97, 116, 105, 110, 103, 10, 49, 57, 56, 48, 48, 49, 48, 49, 49, 57, 83, 83, 83, 83, 83, 83, 73, 80, 59, 80, 101, 105, 107, 49, 49, 48, 48, 49, 44, 50, 50, 45, 13, 52, 48, 49, 48, 56, 44, 44, 69, 97, 105, 107, 10, 49, 57, 56, 53, 48, 50, 48, 50, 50, 48, 49, 48, 48, 49, 50, 48, 48, 83, 83, 83, 105, 43, 44, 112, 101, 114, 105, 111, 100, 44, 79, 115, 99, 111, 114, 97, 116, 10, 66, 97, 101, 44, 114, 97, 105, 110, 103, 10, 13, 77, 77, 22, 49, 57, 56, 48, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 50, 58, 50, 52, 45, 48, 49, 44, 56, 48, 44, 66, 97, 105, 107, 10, 49, 57, 114, 97, 116, 105, 110, 103, 10, 49, 57, 56, 48, 48, 49, 48, 49, 49, 57, 83, 83, 83, 83, 83, 83, 73, 80, 59, 80, 101, 105, 107, 49, 49, 48, 48, 49, 44, 50, 50, 45, 13, 52, 48, 49, 48, 56, 44, 44, 69, 97, 105, 107, 10, 49, 57, 56, 53, 48, 50, 48, 50, 50, 48, 49, 48, 48, 49, 50, 48, 48, 83, 83, 83, 105, 43, 44, 112, 101, 114, 105, 111, 100, 44, 79, 115, 99, 111, 114, 97, 116, 10, 66, 97, 101, 44, 114, 97, 105, 110, 103, 10, 13, 77, 77, 22, 49, 57, 56, 48, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 83, 48, 53, 48, 49, 49, 48, 48, 49, 44, 50, 58, 50, 52, 50, 44, 34, 45, 48, 52, 56, 45, 48, 49, 34, 44, 56, 49, 46, 53, 44, 34, 50, 50, 48, 49, 48, 48, 49, 50, 48, 48, 50, 57, 46, 53, 44, 45, 48, 49, 44, 56, 48, 44, 66, 97, 105, 34, 10, 34, 10, 34, 10, 107, 10, 49, 57, 44, 10]

  /// The records of `bytes` as the sequential reader gives them with a 1 MiB buffer, after
  /// checking that every chunk size and every read-buffer size gives the same.
  private func recordsAtEveryCut(_ bytes: [UInt8]) throws -> [SeenRecord] {
    let directory = TemporaryDirectory()
    let path = directory.write("finding.csv", bytes: bytes)
    let comma = Dialect(delimiter: UInt8(ascii: ","), decimalMark: UInt8(ascii: "."))
    let (expected, _) = try sequentialRecords(path, comma)
    for size in 1...bytes.count + 1 {
      let (chunked, _) = try concurrentRecords(path, comma, chunkSize: size, threads: 3)
      #expect(chunked == expected, "chunk size \(size)")
      let (buffered, _) = try sequentialRecords(path, comma, bufferSize: size)
      #expect(buffered == expected, "buffer size \(size)")
    }
    return expected
  }

  @Test func leadingSpacesSplitByACut() throws {
    let records = try recordsAtEveryCut(Self.finding)
    #expect(records.count == 4 && records[2].offset == 69, "the record starts where its line does, spaces included")
  }

  @Test func leadingCarriageReturnSplitByACut() throws {
    let records = try recordsAtEveryCut(Self.secondFinding)
    #expect(
      records.contains { $0.offset == 301 && $0.fields.first?.hasPrefix("MM") == true },
      "the record starts after the lone CR that ends an empty row")
  }
}
