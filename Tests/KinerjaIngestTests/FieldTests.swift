import KinerjaIngest
import Testing

/// Runs `body` on a `Field` holding `text`.
func withField<Result>(_ text: String, _ body: (Field) -> Result) -> Result {
  Array(text.utf8).withUnsafeBytes { body(Field($0)) }
}

@Suite struct FieldTests {
  @Test(arguments: [
    ("198001012005011001", true), ("19800101 200501 1 001", true), ("19800101.200501.1.001", true),
    ("19800101-200501-1-001", true), ("  198001012005011001 ", true),
    ("19800101200501100", false), ("1980010120050110011", false), ("19800101200501100A", false),
    ("198013012005011001", false), ("198002302005011001", false), ("198001012005131001", false),
    ("198001012005013001", false), ("198001012005011000", false), ("198001011975011001", false),
  ])
  func nip(text: String, valid: Bool) {
    #expect(withField(text) { NIP($0) != nil } == valid, "\(text)")
  }

  @Test func nipParts() throws {
    let nip = try #require(withField("19800215 200503 2 007") { NIP($0) })
    #expect(nip.rawValue == 198_002_152_005_032_007)
    #expect(nip.birthDate == CalendarDate(year: 1980, month: 2, day: 15))
    #expect(nip.appointmentYear == 2005 && nip.appointmentMonth == 3)
    #expect(nip.genderDigit == 2 && nip.sequence == 7)
    #expect(nip.description == "198002152005032007")
  }

  @Test(arguments: [
    ("2024-03", "2024-03"), ("03/2024", "2024-03"), ("3/2024", "2024-03"), ("Maret 2024", "2024-03"),
    ("maret 2024", "2024-03"), ("Mar 2024", "2024-03"), ("March 2024", "2024-03"),
    ("Agustus 2023", "2023-08"),
    ("2024-Q1", "2024-Q1"), ("2024 TW I", "2024-Q1"), ("Triwulan I 2024", "2024-Q1"),
    ("TW IV 2023", "2023-Q4"),
    ("Q2 2024", "2024-Q2"), ("2024 Q3", "2024-Q3"), ("Triwulan 2 2024", "2024-Q2"), ("2024", "2024"),
    ("2024-03-31", "2024-03"),
  ])
  func periodForms(text: String, expected: String) {
    #expect(withField(text) { $0.period()?.description } == expected, "\(text)")
  }

  @Test(arguments: [
    "2024-13", "13/2024", "2024-Q5", "Triwulan V 2024", "Maret", "20245", "abc", "2024-Q0", "0/2024",
  ])
  func invalidPeriods(text: String) {
    #expect(withField(text) { $0.period() } == nil, "\(text)")
  }

  @Test func periodRollUp() {
    let march = Period.month(3, of: 2024)
    #expect(march.rolled(to: .quarter) == .quarter(1, of: 2024))
    #expect(march.rolled(to: .year) == .year(2024))
    #expect(Period.quarter(4, of: 2023).rolled(to: .year) == .year(2023))
    #expect(Period.year(2024).rolled(to: .quarter) == nil)
    #expect(Period.quarter(1, of: 2024).rolled(to: .month) == nil)
  }

  @Test(arguments: [
    ("2024-03-15", "2024-03-15"), ("15/03/2024", "2024-03-15"), ("15-03-2024", "2024-03-15"),
    ("15.03.2024", "2024-03-15"), ("15 Maret 2024", "2024-03-15"), ("15 Mar 2024", "2024-03-15"),
    ("1 Agustus 2023", "2023-08-01"), ("5 December 2023", "2023-12-05"), ("29/02/2024", "2024-02-29"),
    ("2024-03-15 08:30:00", "2024-03-15"), ("2024-03-15T08:30", "2024-03-15"), ("03/12/2024", "2024-12-03"),
  ])
  func dateForms(text: String, expected: String) {
    #expect(withField(text) { $0.date()?.description } == expected, "\(text)")
  }

  @Test(arguments: [
    "31/02/2024", "29/02/2023", "2024-02-30", "15 Maretz 2024", "15/13/2024", "2024/03", "15-03-24", "x",
  ])
  func invalidDates(text: String) {
    #expect(withField(text) { $0.date() } == nil, "\(text)")
  }

  @Test(arguments: [
    ("87,5", UInt8(ascii: ","), 87.5 as Double?), ("87.5", UInt8(ascii: "."), 87.5),
    ("  90 ", UInt8(ascii: "."), 90),
    ("-0", UInt8(ascii: "."), 0), ("+12.25", UInt8(ascii: "."), 12.25), ("0,1", UInt8(ascii: ","), 0.1),
    ("87.5", UInt8(ascii: ","), nil), ("1.234,5,6", UInt8(ascii: ","), nil),
    ("1e309", UInt8(ascii: "."), nil),
    ("NaN", UInt8(ascii: "."), nil), ("inf", UInt8(ascii: "."), nil), ("", UInt8(ascii: "."), nil),
    ("12a", UInt8(ascii: "."), nil), ("-", UInt8(ascii: "."), nil),
    ("123456789012345678.5", UInt8(ascii: "."), 123456789012345678.5),
  ])
  func decimals(text: String, mark: UInt8, expected: Double?) {
    #expect(withField(text) { $0.decimal(mark: mark) } == expected, "\(text)")
  }

  @Test(arguments: [
    ("Rp 1.250.000", UInt8(ascii: ","), 1_250_000 as Double?),
    ("Rp1.250.000,50", UInt8(ascii: ","), 1_250_000.5),
    ("IDR 1,250,000.50", UInt8(ascii: "."), 1_250_000.5), ("1250000", UInt8(ascii: "."), 1_250_000),
    ("Rp. 750.000", UInt8(ascii: "."), 750_000), ("4.500.000", UInt8(ascii: "."), 4_500_000),
    ("Rp 12.50.000", UInt8(ascii: ","), nil), ("Rp abc", UInt8(ascii: ","), nil),
    ("Rp", UInt8(ascii: ","), nil),
  ])
  func money(text: String, mark: UInt8, expected: Double?) {
    #expect(withField(text) { $0.money(mark: mark) } == expected, "\(text)")
  }

  @Test(arguments: ["", " ", "-", "NA", "na", "N/A", "n/a", "null", "NULL", " - "])
  func missingMarkers(text: String) {
    #expect(withField(text) { $0.isMissing })
  }

  @Test(arguments: ["0", "--", "nan", "none", "x"])
  func notMissing(text: String) {
    #expect(!withField(text) { $0.isMissing })
  }

  @Test func utf8Validation() {
    let valid: [[UInt8]] = [
      Array("Dinas Pendidikan".utf8), Array("Bapak Ñoño – ü".utf8), [0xF0, 0x9F, 0x98, 0x80],
    ]
    let invalid: [[UInt8]] = [
      [0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x61, 0xE2, 0x82],
    ]
    for bytes in valid { #expect(bytes.withUnsafeBytes { Field($0).isValidUTF8 }, "\(bytes)") }
    for bytes in invalid { #expect(!bytes.withUnsafeBytes { Field($0).isValidUTF8 }, "\(bytes)") }
  }
}
