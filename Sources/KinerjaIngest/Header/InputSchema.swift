/// A canonical column of an input: its name, the header names that mean it, and its role.
package struct CanonicalColumn: Sendable {
  /// The canonical snake_case name.
  package let name: String
  /// Other header names agencies use for it.
  package let aliases: [String]
  /// Whether the header must contain it.
  package let isRequired: Bool
  /// Whether it holds personal data, which must never reach an output.
  package let isPersonal: Bool
  /// Whether it holds free text (a name, a comment), which may run over a line end inside
  /// quotes; a code, a number, a date or a vocabulary word never does.
  package let isFreeText: Bool

  init(
    _ name: String, aliases: [String] = [], required: Bool = false, personal: Bool = false,
    freeText: Bool = false
  ) {
    self.name = name
    self.aliases = aliases
    self.isRequired = required
    self.isPersonal = personal
    self.isFreeText = freeText || personal
  }
}

/// The columns one input may have, as DATA.md defines them.
package struct InputSchema: Sendable {
  /// Which input this describes.
  package let kind: InputKind
  /// Every canonical column, in contract order.
  package let columns: [CanonicalColumn]
  /// Sets of alternatives of which the header must satisfy at least one; each
  /// alternative is a list of columns that must all be present.
  package let requiredChoices: [[[String]]]

  /// The column called `name`, if the input has one.
  package func column(named name: String) -> CanonicalColumn? {
    columns.first { $0.name == name }
  }
}

extension InputSchema {
  /// The schema of `kind`.
  package static func of(_ kind: InputKind) -> InputSchema {
    switch kind {
    case .employees: employees
    case .performance: performance
    case .training: training
    case .serviceFeedback: serviceFeedback
    case .trainingFeedback: trainingFeedback
    }
  }

  static let employees = InputSchema(
    kind: .employees,
    columns: [
      .init("nip", aliases: ["nip_baru", "nomor_induk_pegawai"], required: true),
      .init("name", aliases: ["nama", "nama_pegawai"], personal: true),
      .init("agency_code", aliases: ["kode_instansi", "instansi_id", "kode_opd"], required: true),
      .init("agency_name", aliases: ["instansi", "nama_instansi", "opd", "perangkat_daerah"], freeText: true),
      .init("unit", aliases: ["unit_kerja", "satuan_kerja", "unor"], freeText: true),
      .init("region", aliases: ["wilayah", "daerah", "kabupaten_kota", "lokasi_kerja"], required: true),
      .init("sector", aliases: ["bidang", "sektor", "urusan"]),
      .init("grade", aliases: ["golongan", "gol", "pangkat_golongan", "gol_ruang"]),
      .init("position_type", aliases: ["jenis_jabatan"]),
      .init("birth_date", aliases: ["tanggal_lahir", "tgl_lahir"]),
      .init("gender", aliases: ["jenis_kelamin"]),
    ],
    requiredChoices: [])

  static let performance = InputSchema(
    kind: .performance,
    columns: [
      .init("nip", aliases: ["nip_baru"], required: true),
      .init("period", aliases: ["periode", "bulan", "masa_penilaian"], required: true),
      .init("score", aliases: ["nilai", "nilai_skp", "capaian", "nilai_kinerja"]),
      .init("rating", aliases: ["predikat", "predikat_kinerja"]),
      .init("results_rating", aliases: ["rating_hasil_kerja", "hasil_kerja"]),
      .init("behaviour_rating", aliases: ["rating_perilaku", "perilaku_kerja"]),
      .init("cases", aliases: ["jumlah_layanan", "volume"]),
      .init("processing_days", aliases: ["rata_waktu_penyelesaian", "lama_proses"]),
    ],
    requiredChoices: [[["score"], ["rating"], ["results_rating", "behaviour_rating"]]])

  static let training = InputSchema(
    kind: .training,
    columns: [
      .init("nip", aliases: ["nip_baru"], required: true),
      .init("program_id", aliases: ["kode_pelatihan", "kode_diklat", "id_program"], required: true),
      .init("program_name", aliases: ["nama_pelatihan", "nama_diklat"], freeText: true),
      .init("method", aliases: ["metode", "jenis"], required: true),
      .init("topic", aliases: ["materi", "tema", "bidang_kompetensi"], freeText: true),
      .init("provider", aliases: ["penyelenggara", "lembaga"], freeText: true),
      .init("start_date", aliases: ["tanggal_mulai", "tgl_mulai"], required: true),
      .init("end_date", aliases: ["tanggal_selesai", "tgl_selesai"]),
      .init("hours_jp", aliases: ["jp", "jumlah_jp", "jam_pelajaran"]),
      .init("cost_idr", aliases: ["biaya", "biaya_per_peserta", "anggaran"]),
      .init("status", aliases: ["status_kelulusan", "keterangan"], freeText: true),  // `keterangan`: remarks
      .init("pre_test", aliases: ["nilai_pre_test", "pretest"]),
      .init("post_test", aliases: ["nilai_post_test", "posttest"]),
    ],
    requiredChoices: [])

  static let serviceFeedback = InputSchema(
    kind: .serviceFeedback,
    columns: [
      .init("agency_code", aliases: ["kode_instansi", "kode_opd"], required: true),
      .init("unit", aliases: ["unit_layanan", "unit_kerja"], freeText: true),
      .init("date", aliases: ["tanggal", "tanggal_survei"]),
      .init("period", aliases: ["periode"]),
      .init("respondent_id", aliases: ["id_responden"]),
    ]
      + (1...9).map { .init("u\($0)", aliases: ["unsur\($0)", "u_\($0)"], required: true) }
      + [.init("comment", aliases: ["saran", "komentar"], personal: true)],
    requiredChoices: [[["date"], ["period"]]])

  static let trainingFeedback = InputSchema(
    kind: .trainingFeedback,
    columns: [
      .init("program_id", aliases: ["kode_pelatihan", "kode_diklat"], required: true),
      .init("nip"),
      .init("date", aliases: ["tanggal"]),
      .init("material", aliases: ["materi"]),
      .init("instructor", aliases: ["pengajar", "widyaiswara", "fasilitator"]),
      .init("method", aliases: ["metode"]),
      .init("facilities", aliases: ["sarana", "fasilitas"]),
      .init("overall", aliases: ["keseluruhan", "nilai_umum"]),
      .init("comment", aliases: ["saran", "komentar"], personal: true),
    ],
    requiredChoices: [[["material"], ["instructor"], ["method"], ["facilities"]]])
}
