import Foundation
import KinerjaGenerate
import KinerjaTestSupport
import Testing

/// Default options write the same bytes as before the planted shapes existed.
///
/// The digests (FNV-1a, 64 bits) were recorded from the generator as it was before any shape
/// option; a change to the default world or its files shows here. Recorded on Linux (Glibc's
/// `log` and `cos`); another libm may round a draw differently.
@Suite struct DefaultOutputDigestTests {
  static let recorded: [ExportStyle: [String: UInt64]] = [
    .agency: [
      "evaluasi_diklat.csv": 0x339b_952f_902a_d01f, "kinerja.csv": 0x8b0f_869d_79ea_bcc4,
      "pegawai.csv": 0x0458_4a9c_109a_44a5, "pipeline.yaml": 0x5408_9c09_d891_3679,
      "riwayat_diklat.csv": 0x82aa_933d_7eea_7ed3, "skm.csv": 0xefed_9e5b_a0b7_834c,
      "truth.json": 0x255f_2332_b8e5_1d2d,
    ],
    .canonical: [
      "employees.csv": 0xb0ad_5786_ff19_6681, "performance.csv": 0x04f7_26d9_d0c4_7b03,
      "pipeline.yaml": 0x08c4_ba20_7d69_9056, "service_feedback.csv": 0x4618_a23b_b674_752a,
      "training.csv": 0x62ad_9887_dea8_e729, "training_feedback.csv": 0xd9e8_24db_b538_ac25,
      "truth.json": 0x8e9c_6353_68b8_cd1c,
    ],
  ]

  static func fnv1a(_ bytes: Data) -> UInt64 {
    bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
  }

  @Test(arguments: [ExportStyle.agency, .canonical])
  func defaultOptionsWriteTheRecordedBytes(style: ExportStyle) throws {
    let (directory, _) = try generate(employees: 600, months: 14, seed: 11, style: style, badRows: 0.1)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    let expected = try #require(Self.recorded[style])
    #expect(files == expected.keys.sorted())
    for file in files {
      let bytes = try #require(FileManager.default.contents(atPath: "\(directory.path)/\(file)"))
      #expect(Self.fnv1a(bytes) == expected[file], "\(file) differs from the recorded default output")
    }
  }
}
