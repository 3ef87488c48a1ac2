/// The language of the report's headings, labels and numbers: Indonesian (the default)
/// or English.
package enum ReportLanguage: String, Sendable, CaseIterable {
  case indonesian = "id"
  case english = "en"

  /// A label in this language.
  func text(_ label: ReportText) -> String {
    switch self {
    case .indonesian: label.indonesian
    case .english: label.english
    }
  }

  /// `value` with `decimals` decimals, in this language's marks: `1.234,5` or `1,234.5`.
  func number(_ value: Double?, decimals: Int = 2) -> String {
    guard let value, value.isFinite else { return "—" }
    var scaled = (value.magnitude * pow10(decimals)).rounded()
    var digits: [Character] = []
    var position = 0
    repeat {
      let digit = Int(scaled.truncatingRemainder(dividingBy: 10))
      scaled = (scaled / 10).rounded(.down)
      if position == decimals && decimals > 0 { digits.append(decimalMark) }
      if position > decimals && (position - decimals) % 3 == 0 { digits.append(groupMark) }
      digits.append(Character(String(digit)))
      position += 1
    } while scaled > 0 || position <= decimals
    let negative = value < 0 && digits.contains { $0 != "0" && $0 != decimalMark && $0 != groupMark }
    return (negative ? "−" : "") + String(digits.reversed())
  }

  /// A whole number with group marks.
  func count(_ value: Int) -> String { number(Double(value), decimals: 0) }

  /// A share as a percentage with one decimal.
  func percent(_ share: Double?) -> String {
    guard let share, share.isFinite else { return "—" }
    return number(share * 100, decimals: 1) + " %"
  }

  private var decimalMark: Character { self == .indonesian ? "," : "." }
  private var groupMark: Character { self == .indonesian ? "." : "," }

  private func pow10(_ exponent: Int) -> Double {
    (0..<exponent).reduce(1.0) { product, _ in product * 10 }
  }
}

/// One piece of report text in both languages.
struct ReportText: Sendable {
  let indonesian: String
  let english: String

  init(_ indonesian: String, _ english: String) {
    self.indonesian = indonesian
    self.english = english
  }
}

/// Every heading, caption and column label of the report.
enum ReportTexts {
  static let documentTitle = ReportText("Laporan Kinerja ASN", "Civil service performance report")
  static let runSummary = ReportText("Ringkasan proses", "Run summary")
  static let runDate = ReportText("Tanggal proses", "Run date")
  static let pipeline = ReportText("Berkas pipeline", "Pipeline file")
  static let periods = ReportText("Periode", "Periods")
  static let input = ReportText("Masukan", "Input")
  static let file = ReportText("Berkas", "File")
  static let rowsRead = ReportText("Baris dibaca", "Rows read")
  static let rowsAccepted = ReportText("Diterima", "Accepted")
  static let rowsRejected = ReportText("Ditolak", "Rejected")

  static let trends = ReportText("Tren kinerja", "Performance trends")
  static let trendsByRegion = ReportText("Rata-rata nilai SKP per wilayah", "Mean appraisal score by region")
  static let trendsTopAgencies = ReportText(
    "Instansi dengan rata-rata tertinggi (periode terakhir)", "Agencies with the highest mean (latest period)"
  )
  static let trendsBottomAgencies = ReportText(
    "Instansi dengan rata-rata terendah (periode terakhir)", "Agencies with the lowest mean (latest period)")
  static let trendsNote = ReportText(
    "Garis: rata-rata; pita: persentil 10–90. Kelompok kecil (di bawah min_group) tidak ditampilkan.",
    "Line: mean; band: 10th–90th percentile. Small groups (below min_group) are not shown.")
  static let score = ReportText("Nilai SKP", "Appraisal score")
  static let period = ReportText("Periode", "Period")
  static let group = ReportText("Kelompok", "Group")
  static let employees = ReportText("Pegawai", "Employees")
  static let mean = ReportText("Rata-rata", "Mean")

  static let trainingEffects = ReportText("Dampak pelatihan", "Training effects")
  static let effectsByMethod = ReportText(
    "Perubahan nilai sebelum–sesudah pelatihan per metode", "Pre/post change in score by method")
  static let effectsByProgram = ReportText(
    "Perubahan nilai sebelum–sesudah pelatihan per program", "Pre/post change in score by programme")
  static let effectsNote = ReportText(
    "Titik: rata-rata perubahan (sesudah − sebelum); garis: selang kepercayaan 95 %. Perubahan ini masih memuat tren bersama semua pegawai; lihat DiD di bawah.",
    "Dot: mean change (post − pre); whiskers: 95 % confidence interval. This change still contains the drift all employees share; see the DiD below."
  )
  static let change = ReportText("Perubahan nilai (poin)", "Change in score (points)")
  static let participants = ReportText("Peserta", "Participants")
  static let estimate = ReportText("Estimasi", "Estimate")
  static let ciLow = ReportText("Batas bawah 95 %", "95 % CI low")
  static let ciHigh = ReportText("Batas atas 95 %", "95 % CI high")
  static let bandLow = ReportText("Pita seragam bawah", "Uniform band low")
  static let bandHigh = ReportText("Pita seragam atas", "Uniform band high")
  static let analysisNotes = ReportText(
    "Yang dilewati atau dikeluarkan analisis (periode kosong, pegawai di luar studi DiD)",
    "What analyses skipped or left out (empty periods, employees outside a DiD study)")
  static let method = ReportText("Metode", "Method")
  static let program = ReportText("Program", "Programme")

  static let eventStudy = ReportText(
    "Studi peristiwa (difference-in-differences)", "Event study (difference-in-differences)")
  static let eventStudyChart = ReportText(
    "Efek pelatihan per waktu sejak pelatihan (ATT dinamis, semua metode)",
    "Training effect by time since training (dynamic ATT, all methods)")
  static let eventStudyNote = ReportText(
    "Waktu peristiwa 0 adalah periode mulai pelatihan; nilai negatif adalah periode sebelum pelatihan (uji tren awal). Garis: selang kepercayaan 95 % per titik; batang arsir: pita seragam 95 % (berlaku untuk semua titik sekaligus). Galat baku diklaster per instansi.",
    "Event time 0 is the period training starts; negative values are periods before training (pre-trend check). Whiskers: pointwise 95 % interval; shaded bars: uniform 95 % band (holds for every event time at once). Standard errors clustered by agency."
  )
  static let eventTime = ReportText("Waktu sejak pelatihan (periode)", "Time since training (periods)")
  static let att = ReportText("ATT (poin)", "ATT (points)")

  static let rankings = ReportText("Peringkat instansi", "Agency rankings")
  static let rankingsChart = ReportText(
    "Rata-rata nilai tersusut (empirical Bayes) per instansi, urut peringkat",
    "Shrunken mean score (empirical Bayes) by agency, in rank order")
  static let rankingsNote = ReportText(
    "Batang: rata-rata tersusut; garis: selang 95 %; ▲/▼ perubahan peringkat dari tahun sebelumnya.",
    "Bar: shrunken mean; whiskers: 95 % interval; ▲/▼ rank change from the year before.")
  static let rank = ReportText("Peringkat", "Rank")
  static let rankChange = ReportText("Perubahan", "Change")
  static let agency = ReportText("Instansi", "Agency")
  static let composite = ReportText("Komposit", "Composite")
  static let shrunkenMean = ReportText("Rata-rata tersusut", "Shrunken mean")
  static let year = ReportText("Tahun", "Year")

  static let satisfaction = ReportText(
    "Indeks Kepuasan Masyarakat (IKM)", "Citizens' satisfaction index (IKM)")
  static let satisfactionChart = ReportText(
    "IKM per instansi (periode terakhir)", "IKM by agency (latest period)")
  static let ikm = ReportText("IKM", "IKM")
  static let grade = ReportText("Mutu", "Grade")
  static let respondents = ReportText("Responden", "Respondents")

  static let coverage = ReportText("Cakupan pelatihan (20 JP per tahun)", "Training coverage (20 JP a year)")
  static let trained = ReportText("Dilatih", "Trained")
  static let shareWith20 = ReportText("Mencapai 20 JP", "Reaching 20 JP")
  static let spendPerEmployee = ReportText("Biaya per pegawai (Rp)", "Spend per employee (IDR)")

  static let costEffectiveness = ReportText("Efektivitas biaya", "Cost-effectiveness")
  static let costPerParticipant = ReportText("Biaya per peserta (Rp)", "Cost per participant (IDR)")
  static let costPerJP = ReportText("Biaya per JP (Rp)", "Cost per JP (IDR)")
  static let didEffect = ReportText("Efek DiD", "DiD effect")
  static let costPerPoint = ReportText("Biaya per poin (Rp)", "Cost per point (IDR)")
  static let note = ReportText("Catatan", "Note")

  static let dataQuality = ReportText("Kualitas data", "Data quality")
  static let rejectsChart = ReportText("Baris ditolak per alasan", "Rejected rows by reason")
  static let reason = ReportText("Alasan", "Reason")
  static let rows = ReportText("Baris", "Rows")

  static let footer = ReportText(
    "Dibuat oleh Kinerja dari berkas keluaran proses ini; setiap angka pada grafik juga ada di tabelnya. Tidak memuat nama atau komentar pegawai.",
    "Made by Kinerja from this run's outputs; every number in a chart is also in its table. Contains no employee names or comments."
  )
}
