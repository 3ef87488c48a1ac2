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

private func sequentialRecords(_ path: String, _ dialect: Dialect) throws -> ([SeenRecord], InputFingerprint) {
  var seen: [SeenRecord] = []
  let fingerprint = try CSVRecordReader(path: path, dialect: dialect).forEachRecord { seen.append(SeenRecord($0)) }
  return (seen, fingerprint)
}

private func concurrentRecords(
  _ path: String, _ dialect: Dialect, chunkSize: Int, threads: Int
) throws -> ([SeenRecord], InputFingerprint) {
  var seen: [SeenRecord] = []
  let fingerprint = try ConcurrentRecordReader(path: path, dialect: dialect, chunkSize: chunkSize, threads: threads)
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

  @Test func unterminatedQuoteAtEndOfFileAndByteOrderMark() throws {
    let directory = TemporaryDirectory()
    let text = Array("a,b\n1,2\n3,\"open\nstill open\n4,5\n".utf8)
    let path = directory.write("open.csv", bytes: [0xEF, 0xBB, 0xBF] + text)
    let dialect = try Dialect.detect(path: path)
    let (expected, _) = try sequentialRecords(path, dialect)
    #expect(expected.last?.malformed == true)
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
        let comment = (0...breaks).map { _ in String(repeating: "x", count: Int.random(in: 0...9, using: &random)) }
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
