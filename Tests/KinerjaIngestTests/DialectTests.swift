import KinerjaIngest
import KinerjaTestSupport
import Testing

@Suite struct DialectTests {
  struct Variant: CustomTestStringConvertible, Sendable {
    var delimiter: String
    var byteOrderMark: Bool
    var crlf: Bool
    var testDescription: String {
      "\(delimiter == "\t" ? "TAB" : delimiter) bom:\(byteOrderMark) crlf:\(crlf)"
    }
  }

  static let variants: [Variant] = [",", ";", "\t", "|"].flatMap { delimiter in
    [false, true].flatMap { bom in
      [false, true].map { Variant(delimiter: delimiter, byteOrderMark: bom, crlf: $0) }
    }
  }

  /// Every delimiter, with and without BOM and CRLF, is detected and read the same.
  @Test(arguments: variants)
  func everyDialectReadsTheSame(variant: Variant) throws {
    let directory = TemporaryDirectory()
    let end = variant.crlf ? "\r\n" : "\n"
    let d = variant.delimiter
    let decimal = d == ";" ? "87,5" : "87.5"
    let text =
      ["NIP Baru\(d)Periode\(d)Nilai SKP", "198001012005011001\(d)2024-03\(d)\(decimal)"].joined(
        separator: end) + end
    let path = directory.write(
      "p.csv", bytes: (variant.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8))
    let input = try InputReader(kind: .performance, path: path)
    #expect(input.dialect.delimiter == d.utf8.first!)
    #expect(input.dialect.hasByteOrderMark == variant.byteOrderMark)
    #expect(input.dialect.usesCRLF == variant.crlf)
    #expect(input.dialect.decimalMark == (d == ";" ? UInt8(ascii: ",") : UInt8(ascii: ".")))
    var scores: [Double?] = []
    try input.forEachRow { record in
      scores.append(
        Field(record[input.mapping.position(of: "score")!]).decimal(mark: input.dialect.decimalMark))
    }
    #expect(scores == [87.5])
  }

  @Test func quotedDelimitersInTheHeaderDoNotCount() {
    let header = Array("\"a,b\";\"c,d\";e\n".utf8)
    let dialect = header.withUnsafeBytes { Dialect.detect(headerBytes: $0) }
    #expect(dialect.delimiter == UInt8(ascii: ";"))
  }

  @Test func overridesWin() {
    let header = Array("a;b;c\n".utf8)
    let dialect = header.withUnsafeBytes {
      Dialect.detect(
        headerBytes: $0,
        overrides: DialectOverrides(delimiter: UInt8(ascii: ","), decimalMark: UInt8(ascii: ",")))
    }
    #expect(dialect.delimiter == UInt8(ascii: ","))
    #expect(dialect.decimalMark == UInt8(ascii: ","))
  }
}
