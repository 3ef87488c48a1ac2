import KinerjaIngest
import KinerjaTestSupport
import Testing

/// Reads every record of `path` as text fields with line numbers.
func records(_ path: String, dialect: Dialect, bufferSize: Int = 1 << 20) throws -> [(
  line: Int, fields: [String], malformed: Bool
)] {
  var result: [(Int, [String], Bool)] = []
  try CSVRecordReader(path: path, dialect: dialect, bufferSize: bufferSize).forEachRecord { record in
    result.append((record.line, record.fieldTexts, record.malformation != nil))
  }
  return result
}

@Suite struct RecordReaderTests {
  let semicolon = Dialect(delimiter: UInt8(ascii: ";"), decimalMark: UInt8(ascii: ","))

  @Test func quotedFieldHoldsDelimiterQuoteAndLineBreak() throws {
    let directory = TemporaryDirectory()
    let path = directory.write(
      "a.csv", "id;comment;n\n1;\"Cepat; petugas \"\"ramah\"\"\nterima kasih\";2\n3;ok;4\n")
    let read = try records(path, dialect: semicolon)
    #expect(read.count == 3)
    #expect(read[1].fields == ["1", "Cepat; petugas \"ramah\"\nterima kasih", "2"])
    #expect(read[1].line == 2)
    #expect(read[2].line == 4, "the record after a two-line record starts on line 4")
    #expect(read[2].fields == ["3", "ok", "4"])
  }

  @Test func byteOrderMarkAndCRLFAreInvisible() throws {
    let directory = TemporaryDirectory()
    let path = directory.write(
      "a.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("nip;nilai\r\n1;87,5\r\n2;90\r\n".utf8))
    let dialect = try Dialect.detect(path: path)
    #expect(dialect.delimiter == UInt8(ascii: ";"))
    #expect(dialect.hasByteOrderMark)
    #expect(dialect.usesCRLF)
    let read = try records(path, dialect: dialect)
    #expect(read.map(\.fields) == [["nip", "nilai"], ["1", "87,5"], ["2", "90"]])
    #expect(read.map(\.line) == [1, 2, 3])
  }

  @Test func missingFinalLineEndAndBlankLines() throws {
    let directory = TemporaryDirectory()
    let path = directory.write("a.csv", "a,b\n\n1,2\n\n3,4")
    let read = try records(
      path, dialect: Dialect(delimiter: UInt8(ascii: ","), decimalMark: UInt8(ascii: ".")))
    #expect(read.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
    #expect(read.map(\.line) == [1, 3, 5])
  }

  @Test func misplacedQuoteRejectsOneRecordAndReadingGoesOn() throws {
    let directory = TemporaryDirectory()
    let path = directory.write("a.csv", "a;b\n1;88,5\"0\n2;3\n")
    let read = try records(path, dialect: semicolon)
    #expect(read.count == 3)
    #expect(read[1].malformed && read[1].line == 2)
    #expect(read[1].fields == ["1;88,5\"0\n"], "the raw line travels with the malformed record")
    #expect(!read[2].malformed && read[2].fields == ["2", "3"] && read[2].line == 3)
  }

  /// A quote that never closes loses only its own line: the lines after it are read again.
  @Test func unterminatedQuoteLosesOnlyItsLine() throws {
    let directory = TemporaryDirectory()
    let path = directory.write("a.csv", "a;b\n1;2\n3;\"never closed\n4;5\n")
    let read = try records(path, dialect: semicolon)
    #expect(read.count == 4)
    #expect(read[2].malformed && read[2].line == 3)
    #expect(read[2].fields == ["3;\"never closed\n"], "the raw line alone")
    #expect(!read[3].malformed && read[3].fields == ["4", "5"] && read[3].line == 4)
  }

  /// Without a line end after it, an open quote is still open at the end of the file.
  @Test func unterminatedQuoteOnTheLastLine() throws {
    let directory = TemporaryDirectory()
    let path = directory.write("a.csv", "a;b\n1;2\n3;\"never closed")
    let read = try records(path, dialect: semicolon)
    #expect(read.count == 3)
    #expect(read[2].malformed && read[2].line == 3)
  }

  /// The same text read in buffers of many sizes gives the same records, as a whole read does.
  @Test(arguments: [1, 2, 3, 5, 8, 13, 21, 64, 500])
  func bufferSizesDoNotChangeRecords(bufferSize: Int) throws {
    let directory = TemporaryDirectory()
    let text = """
      nip;nama;komentar;nilai\r
      1;"Siti; ""A"" Rahayu";"dua\r
      baris";87,5\r
      2;Budi;;90\r
      \r
      3;"x";"tiga
      baris
      di sini";70
      4;a"b;c;1
      5;e;f;2
      """
    let path = directory.write("a.csv", text)
    let whole = try records(path, dialect: semicolon)
    let chunked = try records(path, dialect: semicolon, bufferSize: bufferSize)
    #expect(whole.count == 6)
    #expect(chunked.map(\.line) == whole.map(\.line))
    #expect(chunked.map(\.fields) == whole.map(\.fields))
    #expect(chunked.map(\.malformed) == whole.map(\.malformed))
    #expect(whole.map(\.line) == [1, 2, 4, 6, 9, 10] as [Int])
    #expect(whole.map(\.malformed) == [false, false, false, false, true, false])
  }

  @Test func recordAtOffsetIsReadAgain() throws {
    let directory = TemporaryDirectory()
    let path = directory.write("a.csv", "a;b\n1;\"x\ny\"\n2;z\n")
    var places: [(Int64, Int)] = []
    try CSVRecordReader(path: path, dialect: semicolon).forEachRecord { places.append(($0.offset, $0.line)) }
    let again = try CSVRecordReader(path: path, dialect: semicolon).record(at: places[2].0, line: places[2].1)
    {
      ($0.line, $0.fieldTexts)
    }
    #expect(again?.0 == 4)
    #expect(again?.1 == ["2", "z"])
  }

  /// Rows found again by their lines alone, counting line ends from a place an earlier
  /// pass knew, come back as the first pass saw them: from the start or from a landmark,
  /// with rows that run past a read, hold a line break, or sit right at a landmark.
  @Test func recordsFoundByLineMatchTheFirstPass() throws {
    let directory = TemporaryDirectory()
    var text = "a;b;c\n"
    for row in 0..<3_000 {
      switch row % 97 {
      case 5: text += "\(row);\"two\nlines\";x\n"
      case 11: text += "\(row);\(String(repeating: "w", count: 40_000));y\n"
      default: text += "\(row);value \(row);z\n"
      }
    }
    let path = directory.write("a.csv", text)
    var first: [(offset: Int64, line: Int, fields: [String])] = []
    try CSVRecordReader(path: path, dialect: semicolon).forEachRecord {
      first.append(($0.offset, $0.line, $0.fieldTexts))
    }
    let chosen = first.indices.filter { $0 % 7 == 0 || $0 % 97 == 5 || $0 % 97 == 11 || (1_000..<1_040).contains($0) }
    // A small read buffer, so that rows run past its end.
    let reader = CSVRecordReader(path: path, dialect: semicolon, bufferSize: 4_096)
    for landmark in [0, 1_000, 1_001, 2_000] {
      let from = InputReader.LinePlace(offset: first[landmark].offset, line: first[landmark].line)
      let wanted = chosen.filter { $0 >= landmark }
      var again: [(line: Int, fields: [String])] = []
      try reader.records(atLines: wanted.map { first[$0].line }, from: from) { again.append(($0.line, $0.fieldTexts)) }
      #expect(again.map(\.line) == wanted.map { first[$0].line }, "from row \(landmark)")
      #expect(again.map(\.fields) == wanted.map { first[$0].fields }, "from row \(landmark)")
    }
  }

  @Test func fingerprintIsSizeAndSHA256() throws {
    let directory = TemporaryDirectory()
    let path = directory.write("a.csv", "abc")
    let fingerprint = try CSVRecordReader(path: path, dialect: semicolon).forEachRecord { _ in }
    #expect(fingerprint.bytes == 3)
    // sha256("abc"), as printed by `sha256sum`.
    #expect(fingerprint.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}
