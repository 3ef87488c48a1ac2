/// The words synthetic exports are made of: places, offices, people, programmes.
enum Words {
  /// Regions; the first four are the sample's, and a small world uses only those.
  static let regions = [
    ("Provinsi Lampung", "1800"), ("Kota Bandar Lampung", "1871"), ("Kota Tebing Tinggi", "1276"),
    ("Kota Ambon", "8171"),
    ("Provinsi Aceh", "1100"), ("Provinsi Sumatera Utara", "1200"), ("Kota Medan", "1275"),
    ("Provinsi Sumatera Barat", "1300"),
    ("Kota Padang", "1371"), ("Provinsi Riau", "1400"), ("Kota Pekanbaru", "1471"),
    ("Provinsi Jambi", "1500"),
    ("Provinsi Sumatera Selatan", "1600"), ("Kota Palembang", "1671"), ("Provinsi Bengkulu", "1700"),
    ("Kabupaten Lampung Selatan", "1801"), ("Provinsi DKI Jakarta", "3100"), ("Provinsi Jawa Barat", "3200"),
    ("Kota Bandung", "3273"), ("Kabupaten Bogor", "3201"), ("Provinsi Jawa Tengah", "3300"),
    ("Kota Semarang", "3374"),
    ("Provinsi DI Yogyakarta", "3400"), ("Kota Yogyakarta", "3471"), ("Provinsi Jawa Timur", "3500"),
    ("Kota Surabaya", "3578"), ("Kabupaten Malang", "3507"), ("Provinsi Banten", "3600"),
    ("Provinsi Bali", "5100"),
    ("Kota Denpasar", "5171"), ("Provinsi Nusa Tenggara Barat", "5200"),
    ("Provinsi Nusa Tenggara Timur", "5300"),
    ("Kota Kupang", "5371"), ("Provinsi Kalimantan Barat", "6100"), ("Kota Pontianak", "6171"),
    ("Provinsi Kalimantan Tengah", "6200"), ("Provinsi Kalimantan Selatan", "6300"),
    ("Kota Banjarmasin", "6371"),
    ("Provinsi Kalimantan Timur", "6400"), ("Kota Samarinda", "6472"), ("Provinsi Sulawesi Utara", "7100"),
    ("Kota Manado", "7171"), ("Provinsi Sulawesi Tengah", "7200"), ("Provinsi Sulawesi Selatan", "7300"),
    ("Kota Makassar", "7371"), ("Provinsi Sulawesi Tenggara", "7400"), ("Provinsi Gorontalo", "7500"),
    ("Provinsi Maluku", "8100"), ("Kabupaten Maluku Tengah", "8101"), ("Provinsi Maluku Utara", "8200"),
    ("Provinsi Papua", "9100"), ("Kota Jayapura", "9171"),
  ]

  /// Sectors with the office that serves each and a short code.
  static let sectors = [
    ("pendidikan", "Dinas Pendidikan", "DISDIK"), ("kesehatan", "Dinas Kesehatan", "DINKES"),
    ("perizinan", "Dinas Penanaman Modal dan PTSP", "DPMPTSP"),
    ("kependudukan", "Dinas Kependudukan dan Pencatatan Sipil", "DISDUKCAPIL"),
    ("keuangan", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"),
    ("pekerjaan umum", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR"),
    ("sosial", "Dinas Sosial", "DINSOS"),
    ("perhubungan", "Dinas Perhubungan", "DISHUB"),
  ]

  static let units = [
    "Sekretariat", "Bidang Pelayanan", "Bidang Program dan Evaluasi", "Bidang Pengembangan", "UPTD Wilayah I",
    "UPTD Wilayah II", "Subbagian Umum dan Kepegawaian", "Bidang Pengawasan",
  ]

  static let firstNames = [
    "Budi", "Siti", "Agus", "Dewi", "Rahmat", "Nur", "Andi", "Fitri", "Hendra", "Wahyu", "Ratna", "Yusuf",
    "Maria",
    "Johanis", "Lestari", "Imam", "Putri", "Ahmad", "Rina", "Samuel", "Eka", "Dian", "Bambang", "Sri",
    "Theresia",
  ]
  static let lastNames = [
    "Santoso", "Lestari", "Siregar", "Nasution", "Pattimura", "Wijaya", "Saputra", "Rahayu", "Latuconsina",
    "Hasibuan", "Putra", "Sari", "Manuhutu", "Harahap", "Gunawan", "Simanjuntak", "Pelupessy", "Kurniawan",
  ]

  static let topics = [
    "manajemen kinerja", "komunikasi efektif", "pemecahan masalah", "manajemen waktu", "teknologi informasi",
    "pelayanan publik",
  ]
  static let providers = ["BPSDM", "LAN", "universitas", "internal"]

  static let surveyComments = [
    "Pelayanan cepat; petugas \"ramah\"\nterima kasih", "Antrian terlalu panjang",
    "Mohon ruang tunggu diperbaiki",
    "Informasi persyaratan kurang jelas", "Sangat puas",
  ]
  static let courseComments = [
    "Materi sangat bermanfaat", "Waktu terlalu singkat", "Fasilitator menguasai materi",
  ]

  /// Each word with its first letter in upper case: `manajemen kinerja` → `Manajemen Kinerja`.
  static func titled(_ text: String) -> String {
    text.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
  }

  static let monthNames = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
    "November",
    "Desember",
  ]

  /// Grades I/a … IV/e as written officially, and other ways agencies write some of them.
  static let grades = [
    "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a",
    "IV/b",
    "IV/c", "IV/d", "IV/e",
  ]
  static let gradeSpellings: [Int: [String]] = [
    8: ["III/a", "3a", "III-A"], 9: ["III/b", "3b"], 6: ["II/c", "2c"],
  ]

  static let positionTypes = ["pelaksana", "fungsional", "pengawas", "administrator", "jpt"]
  static let positionWeights = [46.0, 32, 13, 7, 2]
}
