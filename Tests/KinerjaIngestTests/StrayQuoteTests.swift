import Foundation
import KinerjaIngest
import KinerjaTestSupport
import Testing

/// A data row as an input's reader delivers it, for comparing two versions of a file.
private struct Row: Equatable, Sendable, CustomStringConvertible {
  var line: Int
  var offset: Int64
  var malformed: Bool
  var fields: [String]

  var description: String { "line \(line) @\(offset)\(malformed ? " malformed" : ""): \(fields)" }
}

/// Every data row of `path` read as input `kind`, in `chunkSize` chunks on `threads` threads.
private func rows(_ kind: InputKind, _ path: String, chunkSize: Int, threads: Int) throws -> [Row] {
  let reader = try InputReader(kind: kind, path: path)
  var rows: [Row] = []
  try reader.foldRows(
    threads: threads, chunkSize: chunkSize,
    parse: { chunk in
      var held = HeldRecords()
      try chunk.forEachRow { held.append($0) }
      return held
    },
    merge: { held, place in
      for index in 0..<held.count {
        held.withRecord(index, lineShift: place.lineShift) { record in
          rows.append(
            Row(
              line: record.line, offset: record.offset, malformed: record.malformation != nil,
              fields: record.fieldTexts))
        }
      }
    })
  return rows
}

/// One stray `"` at the start of a field — the way a quote typed into a name or a rating
/// reaches an export — costs exactly the line it is on: libcsv would read on to the next
/// quote, many lines later, and one reject would hide the rows in between.
@Suite struct StrayQuoteTests {
  static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("datasets/sample")

  static let exports: [(InputKind, String)] = [
    (.employees, "pegawai.csv"), (.performance, "kinerja.csv"), (.training, "riwayat_diklat.csv"),
    (.serviceFeedback, "skm.csv"), (.trainingFeedback, "evaluasi_diklat.csv"),
  ]

  /// Chunk sizes and thread counts: one piece, small chunks, and chunks smaller than a line.
  static let readings = [(8 << 20, 1), (4096, 2), (700, 3)]

  @Test(arguments: exports.map(\.0))
  func aStrayQuoteLosesExactlyItsLine(kind: InputKind) throws {
    let file = try #require(Self.exports.first { $0.0 == kind }?.1)
    let original = try Data(contentsOf: Self.sample.appendingPathComponent(file))
    let lines = original.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
    let directory = TemporaryDirectory()
    let clean = directory.write("clean.csv", bytes: Array(original))
    let baseline = try rows(kind, clean, chunkSize: 8 << 20, threads: 1)
    expectEveryLineAccounted(baseline, lines: lines, of: file)

    let delimiter = try InputReader(kind: kind, path: clean).dialect.delimiter
    // Lines without quotes, so the stray one has no partner on its own line: the first
    // data line, the last, and others spread over the file; a different field on each.
    let candidates = (1..<lines.count).filter {
      !lines[$0].contains(UInt8(ascii: "\"")) && lines[$0].contains(delimiter)
    }
    let picks = [candidates.first!, candidates.last!] + (1...6).map { candidates[$0 * candidates.count / 7] }
    for (n, index) in picks.enumerated() {
      var damaged = lines
      let fieldStarts = [0] + damaged[index].indices.filter { damaged[index][$0] == delimiter }.map { $0 + 1 }
      let field = (n * 3) % fieldStarts.count
      damaged[index].insert(UInt8(ascii: "\""), at: fieldStarts[field])
      let path = directory.write("damaged-\(n).csv", bytes: Array(damaged.joined(separator: [0x0A])))
      let line = index + 1
      let expected = baseline.map { row -> Row in
        var row = row
        if row.line > line { row.offset += 1 }
        return row
      }
      for (chunkSize, threads) in Self.readings {
        let read = try rows(kind, path, chunkSize: chunkSize, threads: threads)
        let label = "\(file) line \(line) field \(field + 1), chunks of \(chunkSize) on \(threads) threads"
        #expect(read.count == expected.count, "\(label): one row in place of one")
        let lost = read.filter { row in row.line == line }
        #expect(lost.count == 1 && lost.first?.malformed == true, "\(label): \(lost)")
        #expect(
          read.filter { $0.line != line } == expected.filter { $0.line != line },
          "\(label): every other row as without the quote")
        expectEveryLineAccounted(read, lines: damaged, of: label)
      }
    }
  }

  /// Every physical line belongs to exactly one row: its first line, a line inside its
  /// quoted fields, or a blank line between rows (the header is line 1).
  private func expectEveryLineAccounted(_ rows: [Row], lines: [[UInt8]], of label: String) {
    var covered = 1
    var next = 2
    for row in rows {
      while next < row.line, lines[next - 1].allSatisfy({ $0 == 0x0D }) {
        covered += 1
        next += 1
      }
      #expect(row.line == next, "\(label): row at line \(row.line), expected \(next)")
      let span = row.malformed ? 1 : 1 + row.fields.reduce(0) { $0 + $1.utf8.filter { $0 == 0x0A }.count }
      covered += span
      next = row.line + span
    }
    while next <= lines.count, lines[next - 1].allSatisfy({ $0 == 0x0D }) {
      covered += 1
      next += 1
    }
    #expect(covered == lines.count, "\(label): \(covered) of \(lines.count) lines in rows")
  }

  /// Two stray quotes in one free-text column (`"x` on one line, `y"` lines later) would make
  /// a value that fits the field count: the lines between hold as many delimiters as a row,
  /// so the value is not taken, and only the two damaged lines are lost. Every buffer size
  /// gives the same records and offsets, a lone CR cut off by a buffer end included.
  @Test func twoStrayQuotesInOneColumnLoseOnlyTheirLines() throws {
    let directory = TemporaryDirectory()
    let path = directory.write("a.csv", "nip,name,score\n\r1,\"x,2\n3,4,5\n6,y\",8\n9,9,9\n")
    let shape = RecordShape(fields: 3, lineBreaks: [false, true, false])
    let dialect = Dialect(delimiter: UInt8(ascii: ","), decimalMark: UInt8(ascii: "."))
    func read(bufferSize: Int) throws -> [Row] {
      var rows: [Row] = []
      try CSVRecordReader(path: path, dialect: dialect, bufferSize: bufferSize, shape: shape).forEachRecord {
        rows.append(Row(line: $0.line, offset: $0.offset, malformed: $0.malformation != nil, fields: $0.fieldTexts))
      }
      return rows
    }
    let whole = try read(bufferSize: 1 << 20)
    #expect(whole.map(\.malformed) == [false, true, false, true, false], "\(whole)")
    #expect(whole[2].fields == ["3", "4", "5"] && whole[2].line == 3)
    #expect(whole[4].fields == ["9", "9", "9"] && whole[4].line == 5)
    for size in 1...40 { #expect(try read(bufferSize: size) == whole, "buffer of \(size) bytes") }
  }
}
