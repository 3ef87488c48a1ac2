import KinerjaIngest
import KinerjaTestSupport
import Testing

@Suite struct HeaderMappingTests {
  @Test func aliasesMatchIgnoringCaseSpacesAndPunctuation() throws {
    let header = ["NIP Baru", "Kode-Instansi", "WILAYAH", "unit.kerja", "Alamat"]
    let mapping = try HeaderMapping(header: header, schema: .of(.employees), path: "p.csv")
    #expect(mapping.position(of: "nip") == 0)
    #expect(mapping.position(of: "agency_code") == 1)
    #expect(mapping.position(of: "region") == 2)
    #expect(mapping.position(of: "unit") == 3)
    #expect(mapping.unknownColumns == ["Alamat"])
  }

  @Test func missingRequiredColumnNamesItAndListsTheHeader() {
    #expect {
      try HeaderMapping(header: ["NIP", "Wilayah", "Nama"], schema: .of(.employees), path: "pegawai.csv")
    } throws: { error in
      let message = "\(error)"
      return message.contains("pegawai.csv") && message.contains("line 1")
        && message.contains("'agency_code'")
        && message.contains("kode_instansi") && message.contains("header found: NIP, Wilayah, Nama")
    }
  }

  @Test func performanceNeedsAScoreOrARating() throws {
    #expect(throws: IngestError.self) {
      try HeaderMapping(header: ["nip", "periode"], schema: .of(.performance), path: "p.csv")
    }
    _ = try HeaderMapping(header: ["nip", "periode", "predikat"], schema: .of(.performance), path: "p.csv")
    _ = try HeaderMapping(
      header: ["nip", "periode", "hasil_kerja", "perilaku_kerja"], schema: .of(.performance), path: "p.csv")
  }

  @Test func overridesMapAnExportsOwnNames() throws {
    let mapping = try HeaderMapping(
      header: ["ID Pegawai", "Bulan", "Nilai Akhir"], schema: .of(.performance),
      overrides: ["ID Pegawai": "nip", "nilai akhir": "score"], path: "p.csv")
    #expect(mapping.position(of: "nip") == 0)
    #expect(mapping.position(of: "period") == 1)
    #expect(mapping.position(of: "score") == 2)
  }

  @Test func twoColumnsForOneCanonicalNameAreAnError() {
    #expect {
      try HeaderMapping(
        header: ["nip", "nip_baru", "periode", "nilai"], schema: .of(.performance), path: "p.csv")
    } throws: { error in
      "\(error)".contains("'nip' (column 1) and 'nip_baru' (column 2) both map to 'nip'")
    }
  }

  @Test func personalColumnsAreNotReportable() throws {
    let mapping = try HeaderMapping(
      header: ["nip", "nama", "kode_opd", "wilayah"], schema: .of(.employees), path: "p.csv")
    #expect(mapping.reportablePositions.map(\.canonical) == ["nip", "agency_code", "region"])
  }

  @Test func emptyAndHeaderOnlyFilesAreClearErrors() throws {
    let directory = TemporaryDirectory()
    let empty = directory.write("empty.csv", "")
    #expect(throws: IngestError.emptyFile(path: empty, bytes: 0)) { try InputReader(kind: .employees, path: empty) }
    let byteOrderMark = directory.write("bom.csv", bytes: [0xEF, 0xBB, 0xBF, 0x0D, 0x0A])
    #expect(throws: IngestError.emptyFile(path: byteOrderMark, bytes: 5)) {
      try InputReader(kind: .employees, path: byteOrderMark)
    }
    #expect(!"\(IngestError.emptyFile(path: "b.csv", bytes: 3))".contains("0 bytes"), "a BOM is not 0 bytes")
    let headerOnly = directory.write("header.csv", "nip;kode_opd;wilayah\n")
    let reader = try InputReader(kind: .employees, path: headerOnly)
    #expect(throws: IngestError.headerOnly(path: headerOnly, header: ["nip", "kode_opd", "wilayah"])) {
      try reader.forEachRow { _ in }
    }
    #expect("\(IngestError.headerOnly(path: "h.csv", header: ["nip"]))".contains("no data rows"))
    #expect("\(IngestError.emptyFile(path: "e.csv", bytes: 0))".contains("empty (0 bytes)"))
  }

  /// A first line that holds a NIP, a number or a date is a data row: the message says the
  /// header may be missing and quotes none of it (a name may sit beside the NIP).
  @Test func aDataRowForAHeaderIsNotQuoted() {
    let row = ["NIP", "Siti Rahmawati", "198001012005011001"]
    for error in [
      IngestError.missingColumn(path: "e.csv", input: "employees", column: "region", accepted: ["region"], header: row),
      .headerOnly(path: "e.csv", header: row),
      .duplicateColumn(path: "e.csv", column: "nip", headers: ["NIP", "198001012005011001"], positions: [1, 3]),
    ] {
      let message = "\(error)"
      #expect(!message.contains("Siti") && !message.contains("198001012005011001"), "\(message)")
    }
    let header = ["NIP", "Nama", "Kode OPD"]
    #expect("\(IngestError.headerOnly(path: "e.csv", header: header))".contains("NIP, Nama, Kode OPD"))
  }
}
