import KinerjaIngest

/// File names and header lines of the five exports in each style.
enum ExportFiles {
  /// The file name of `input` in `style`.
  static func name(of input: InputKind, style: ExportStyle) -> String {
    guard style == .agency else { return "\(input.rawValue).csv" }
    switch input {
    case .employees: return "pegawai.csv"
    case .performance: return "kinerja.csv"
    case .training: return "riwayat_diklat.csv"
    case .serviceFeedback: return "skm.csv"
    case .trainingFeedback: return "evaluasi_diklat.csv"
    }
  }

  /// The header of `input` in `style`; the columns are in the same order in both, and the
  /// agency master ends with a column the contract does not know (`Status Pegawai`).
  static func header(of input: InputKind, style: ExportStyle) -> [String] {
    let agency = style == .agency
    switch input {
    case .employees:
      return agency
        ? [
          "NIP Baru", "Nama Pegawai", "Kode Instansi", "Nama Instansi", "Unit Kerja", "Wilayah", "Bidang",
          "Golongan",
          "Jenis Jabatan", "Tanggal Lahir", "Jenis Kelamin", "Status Pegawai",
        ]
        : [
          "nip", "name", "agency_code", "agency_name", "unit", "region", "sector", "grade", "position_type",
          "birth_date", "gender",
        ]
    case .performance:
      return agency
        ? [
          "NIP", "Periode", "Nilai SKP", "Predikat", "Rating Hasil Kerja", "Rating Perilaku",
          "Jumlah Layanan",
          "Rata Waktu Penyelesaian",
        ]
        : [
          "nip", "period", "score", "rating", "results_rating", "behaviour_rating", "cases",
          "processing_days",
        ]
    case .training:
      return agency
        ? [
          "NIP", "Kode Diklat", "Nama Diklat", "Metode", "Materi", "Penyelenggara", "Tanggal Mulai",
          "Tanggal Selesai",
          "JP", "Biaya", "Status Kelulusan", "Nilai Pre Test", "Nilai Post Test",
        ]
        : [
          "nip", "program_id", "program_name", "method", "topic", "provider", "start_date", "end_date",
          "hours_jp",
          "cost_idr", "status", "pre_test", "post_test",
        ]
    case .serviceFeedback:
      return
        (agency
        ? ["Kode OPD", "Unit Layanan", "Tanggal Survei", "ID Responden"]
        : ["agency_code", "unit", "date", "respondent_id"])
        + (1...9).map { agency ? "U\($0)" : "u\($0)" } + [agency ? "Saran" : "comment"]
    case .trainingFeedback:
      return agency
        ? [
          "Kode Diklat", "NIP", "Tanggal", "Materi", "Widyaiswara", "Metode", "Sarana", "Keseluruhan",
          "Komentar",
        ]
        : [
          "program_id", "nip", "date", "material", "instructor", "method", "facilities", "overall", "comment",
        ]
    }
  }
}
