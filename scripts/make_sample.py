#!/usr/bin/env python3
"""Writes datasets/sample/: the five exports of a dozen agencies, as agencies export them.

Indonesian headers, ';' delimiter, decimal comma, day-first dates, a byte order mark and
CRLF line ends in some files, and a handful of bad rows of different kinds. Deterministic:
the same script writes the same bytes. Stop-gap until `kinerja generate` writes the sample.

    python3 scripts/make_sample.py datasets/sample
"""
import csv
import io
import os
import random
import sys

random.seed(20241)
OUT = sys.argv[1] if len(sys.argv) > 1 else "datasets/sample"
os.makedirs(OUT, exist_ok=True)

AGENCIES = [
    # code, name, region, sector, employees, level, monthly slope
    ("1800-DISDIK", "Dinas Pendidikan dan Kebudayaan", "Provinsi Lampung", "pendidikan", 48, 88.0, 0.15),
    ("1800-DINKES", "Dinas Kesehatan", "Provinsi Lampung", "kesehatan", 40, 91.0, 0.05),
    ("1800-BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", "Provinsi Lampung", "keuangan", 30, 86.0, 0.20),
    ("1871-DPMPTSP", "Dinas Penanaman Modal dan PTSP", "Kota Bandar Lampung", "perizinan", 32, 84.0, 0.25),
    ("1871-DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "Kota Bandar Lampung", "kependudukan", 36, 89.0, 0.00),
    ("1871-DINKES", "Dinas Kesehatan", "Kota Bandar Lampung", "kesehatan", 34, 92.0, 0.10),
    ("1276-DISDIK", "Dinas Pendidikan", "Kota Tebing Tinggi", "pendidikan", 28, 85.0, 0.10),
    ("1276-DPMPTSP", "Dinas Penanaman Modal dan PTSP", "Kota Tebing Tinggi", "perizinan", 22, 83.0, -0.05),
    ("1276-BKPSDM", "Badan Kepegawaian dan Pengembangan SDM", "Kota Tebing Tinggi", "keuangan", 3, 90.0, 0.00),
    ("8171-DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "Kota Ambon", "kependudukan", 30, 87.0, 0.12),
    ("8171-DINKES", "Dinas Kesehatan", "Kota Ambon", "kesehatan", 26, 90.0, 0.08),
    ("8171-BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", "Kota Ambon", "keuangan", 24, 88.0, 0.03),
]
UNITS = ["Sekretariat", "Bidang Pelayanan", "Bidang Program", "UPTD"]
GRADES = ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b"]
GRADE_SPELLINGS = {"III/a": ["III/a", "3a", "III-A"], "II/c": ["II/c", "2c"]}
POSITIONS = ["pelaksana", "fungsional", "pengawas", "administrator", "jpt"]
POSITION_WEIGHTS = [45, 30, 14, 8, 3]
FIRST = ["Budi", "Siti", "Agus", "Dewi", "Rahmat", "Nur", "Andi", "Fitri", "Hendra", "Wahyu", "Ratna", "Yusuf",
         "Maria", "Johanis", "Lestari", "Imam", "Putri", "Ahmad", "Rina", "Samuel"]
LAST = ["Santoso", "Lestari", "Siregar", "Nasution", "Pattimura", "Wijaya", "Saputra", "Rahayu", "Latuconsina",
        "Hasibuan", "Putra", "Sari", "Manuhutu", "Harahap", "Gunawan"]
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember"]
PERIODS = [(2023 + m // 12, m % 12 + 1) for m in range(24)]
METHODS = [("pelatihan", "klasikal"), ("workshop", "lokakarya"), ("seminar", "seminar"),
           ("bimbingan", "coaching"), ("e-learning", "daring")]
TOPICS = ["manajemen kinerja", "komunikasi efektif", "pemecahan masalah", "manajemen waktu",
          "teknologi informasi", "pelayanan publik"]
PROVIDERS = ["BPSDM", "LAN", "universitas", "internal"]


def decimal_comma(value, digits=2):
    return f"{value:.{digits}f}".replace(".", ",")


def rupiah(value):
    return "Rp " + f"{value:,.0f}".replace(",", ".")


def day_first(year, month, day, style):
    if style == 0:
        return f"{day:02d}/{month:02d}/{year}"
    if style == 1:
        return f"{day:02d}-{month:02d}-{year}"
    return f"{day} {MONTHS_ID[month - 1]} {year}"


def write(name, header, rows, bom=False, crlf=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n" if crlf else "\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        if isinstance(row, str):  # a raw, hand-broken line
            buffer.write(row + ("\r\n" if crlf else "\n"))
        else:
            writer.writerow(row)
    data = buffer.getvalue().encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as handle:
        handle.write((b"\xef\xbb\xbf" if bom else b"") + data)


# employees ------------------------------------------------------------------
employees = []  # (nip, agency index, unit, grade, position)
used = set()
rows = []
number = 0
for agency_index, (code, name, region, sector, size, level, slope) in enumerate(AGENCIES):
    for _ in range(size):
        while True:
            birth = (random.randint(1965, 1998), random.randint(1, 12), random.randint(1, 28))
            tmt = (min(birth[0] + random.randint(20, 30), 2022), random.randint(1, 12))
            gender = random.choice([1, 2])
            nip = f"{birth[0]}{birth[1]:02d}{birth[2]:02d}{tmt[0]}{tmt[1]:02d}{gender}{random.randint(1, 999):03d}"
            if nip not in used:
                used.add(nip)
                break
        unit = random.choice(UNITS)
        grade = random.choice(GRADES)
        position = random.choices(POSITIONS, POSITION_WEIGHTS)[0]
        employees.append((nip, agency_index, unit, grade, position))
        number += 1
        shown_nip = nip if number % 7 else f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
        spelled_grade = random.choice(GRADE_SPELLINGS.get(grade, [grade]))
        rows.append([number, shown_nip, f"{random.choice(FIRST)} {random.choice(LAST)}", code, name, unit, region,
                     sector.capitalize() if number % 5 == 0 else sector, spelled_grade, position,
                     day_first(*birth, number % 3) if number % 4 else "", "" if number % 6 == 0 else
                     ("L" if gender == 1 else "P")])
# bad employee rows: an invalid NIP, a missing region, a duplicate NIP (the earlier row loses)
rows.append([number + 1, "19851231 200901 1 00", "Tono Prasetyo", "1800-DINKES", "Dinas Kesehatan", "UPTD",
             "Provinsi Lampung", "kesehatan", "III/b", "pelaksana", "", "L"])
rows.append([number + 2, "198703152010012004", "Wati Susanti", "1871-DINKES", "Dinas Kesehatan", "UPTD", "",
             "kesehatan", "III/a", "fungsional", "", "P"])
duplicate = employees[5]
rows.insert(3, [0, duplicate[0], "Nama Lama", AGENCIES[duplicate[1]][0], AGENCIES[duplicate[1]][1], "Sekretariat",
                AGENCIES[duplicate[1]][2], AGENCIES[duplicate[1]][3], "II/a", "pelaksana", "", ""])
write("pegawai.csv", ["No", "NIP Baru", "Nama Pegawai", "Kode Instansi", "Nama Instansi", "Unit Kerja", "Wilayah",
                      "Bidang", "Golongan", "Jenis Jabatan", "Tanggal Lahir", "Jenis Kelamin"], rows, bom=True, crlf=True)

# training (decided first: trained employees improve after their training month) ----
trainings = {}  # employee index -> (month index of end, effect)
training_rows = []
programmes = []
for index in range(18):
    method = METHODS[index % len(METHODS)]
    topic = TOPICS[index % len(TOPICS)]
    programmes.append((f"DIK-{2023 + index % 2}-{index + 1:03d}", f"Pelatihan {topic.title()} Angkatan {index + 1}",
                       method, topic, PROVIDERS[index % len(PROVIDERS)]))
effects = {"pelatihan": 3.0, "workshop": 2.0, "seminar": 0.0, "bimbingan": 4.0, "e-learning": 1.0}
costs = {"pelatihan": 4500000, "workshop": 2500000, "seminar": 750000, "bimbingan": 3500000, "e-learning": 400000}
hours = {"pelatihan": 40, "workshop": 16, "seminar": 8, "bimbingan": 24, "e-learning": 20}
for employee_index, employee in enumerate(employees):
    if random.random() < 0.4:
        programme = random.choice(programmes)
        start_month = random.randint(3, 20)
        year, month = PERIODS[start_month]
        start_day = random.randint(1, 20)
        end_day = start_day + random.randint(0, 7)
        method = programme[2][0]
        status = random.choices(["Lulus", "selesai", "Tidak Lulus", "berjalan"], [70, 20, 6, 4])[0]
        if status in ("Lulus", "selesai"):
            trainings[employee_index] = (start_month, effects[method])
        pre = random.uniform(45, 75)
        training_rows.append([employee[0], programme[0], programme[1], random.choice(programme[2]), programme[3],
                              programme[4], day_first(year, month, start_day, employee_index % 3),
                              day_first(year, month, end_day, (employee_index + 1) % 3),
                              decimal_comma(hours[method], 0), rupiah(costs[method] * random.uniform(0.9, 1.1)),
                              status, decimal_comma(pre, 1), decimal_comma(min(100, pre + random.uniform(5, 20)), 1)])
# bad training rows: unknown method, end before start, a date that does not exist, an unknown employee
training_rows.append([employees[1][0], "DIK-2023-001", "Pelatihan X", "webinar-ria", "manajemen waktu", "LAN",
                      "02/03/2023", "03/03/2023", "8", "Rp 500.000", "Lulus", "", ""])
training_rows.append([employees[2][0], "DIK-2023-003", "Pelatihan Y", "klasikal", "manajemen waktu", "BPSDM",
                      "10/05/2023", "02/05/2023", "40", "Rp 4.000.000", "Lulus", "", ""])
training_rows.append([employees[3][0], "DIK-2024-002", "Pelatihan Z", "seminar", "manajemen waktu", "BPSDM",
                      "31/02/2024", "31/02/2024", "8", "Rp 750.000", "Lulus", "", ""])
training_rows.append(["199001012015011999", "DIK-2024-002", "Pelatihan Z", "seminar", "manajemen waktu", "BPSDM",
                      "05/02/2024", "05/02/2024", "8", "Rp 750.000", "Lulus", "", ""])
write("riwayat_diklat.csv", ["NIP", "Kode Diklat", "Nama Diklat", "Metode", "Materi", "Penyelenggara",
                             "Tanggal Mulai", "Tanggal Selesai", "JP", "Biaya", "Status Kelulusan",
                             "Nilai Pre Test", "Nilai Post Test"], training_rows)

# performance ------------------------------------------------------------------
EXPECT = ["Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"]
MATRIX = {(0, 0): "Sangat Baik", (0, 1): "Baik", (1, 0): "Baik", (1, 1): "Baik", (0, 2): "Kurang/Misconduct",
          (1, 2): "Kurang/Misconduct", (2, 0): "Butuh Perbaikan", (2, 1): "Butuh Perbaikan", (2, 2): "Sangat Kurang"}
performance_rows = []
number = 0
for employee_index, (nip, agency_index, unit, grade, position) in enumerate(employees):
    code, name, region, sector, size, level, slope = AGENCIES[agency_index]
    personal = random.gauss(0, 4)
    for month_index, (year, month) in enumerate(PERIODS):
        if random.random() < 0.03:
            continue  # an occasional missing month
        score = level + personal + slope * month_index + 0.2 * month_index / 2 + random.gauss(0, 3)
        trained = trainings.get(employee_index)
        if trained and month_index > trained[0]:
            score += trained[1]
        score = max(0.0, min(120.0, score))
        results = 0 if score >= 97 else (1 if score >= 75 else 2)
        behaviour = random.choices([0, 1, 2], [20, 75, 5])[0]
        rating = MATRIX[(results, behaviour)]
        number += 1
        period = f"{MONTHS_ID[month - 1]} {year}" if (employee_index + month) % 2 else f"{month:02d}/{year}"
        predikat = "" if agency_index == 7 else rating  # one agency leaves the rating to the matrix
        performance_rows.append([number, nip, period, decimal_comma(score), predikat, EXPECT[results],
                                 EXPECT[behaviour], random.randint(0, 40) if sector in ("perizinan", "kependudukan") else "",
                                 decimal_comma(random.uniform(1, 9), 1) if sector in ("perizinan", "kependudukan") else ""])
# bad performance rows, one of each kind
first = employees[0][0]
performance_rows.insert(10, [0, first, "Maret 2023", "83,10", "Baik", "", "", "", ""])  # loses to the later March row
performance_rows.append([number + 1, "199912312020121001", "Januari 2024", "88,00", "Baik", "", "", "", ""])
performance_rows.append([number + 2, employees[4][0], "Februari 2024", "130,50", "Sangat Baik", "", "", "", ""])
performance_rows.append([number + 3, employees[4][0], "13/2024", "88,00", "Baik", "", "", "", ""])
performance_rows.append([number + 4, employees[6][0], "Maret 2024", "delapan puluh", "Baik", "", "", "", ""])
performance_rows.append([number + 5, employees[7][0], "April 2024", "88,00", "Luar Biasa", "", "", "", ""])
performance_rows.append([number + 6, employees[8][0], "2024", "88,00", "Baik", "", "", "", ""])
performance_rows.append([number + 7, "1234567890", "Mei 2024", "88,00", "Baik", "", "", "", ""])
performance_rows.append(f'{number + 8};{employees[9][0]};Juni 2024;88,5"0;Baik;;;;')
performance_rows.append(f'{number + 9};{employees[10][0]};Juni 2024;88,00;Baik;;;')
write("kinerja.csv", ["No", "NIP", "Periode", "Nilai SKP", "Predikat", "Rating Hasil Kerja", "Rating Perilaku",
                      "Jumlah Layanan", "Rata Waktu Penyelesaian"], performance_rows)

# service feedback (SKM) ---------------------------------------------------------
COMMENTS = ["", "", "Pelayanan cepat; petugas \"ramah\"\nterima kasih", "Antrian terlalu panjang",
            "Mohon ruang tunggu diperbaiki", ""]
survey_rows = []
respondent = 0
for agency_index, agency in enumerate(AGENCIES):
    satisfaction = 2.9 + 0.08 * agency_index % 0.9
    for quarter in range(8):
        year = 2023 + quarter // 4
        for _ in range(12):
            respondent += 1
            month = (quarter % 4) * 3 + random.randint(1, 3)
            answers = [min(4, max(1, round(random.gauss(satisfaction, 0.6)))) for _ in range(9)]
            if random.random() < 0.1:
                answers[3] = ""  # biaya/tarif left empty
            survey_rows.append([agency[0], random.choice(UNITS), day_first(year, month, random.randint(1, 28), respondent % 3),
                                f"R{respondent:05d}"] + answers + [random.choice(COMMENTS)])
survey_rows.append(["1871-DINKES", "UPTD", "12/06/2024", "R99999", 4, 4, 5, 3, 3, 3, 3, 3, 3, ""])
survey_rows.append(["1871-DINKES", "UPTD", "", "R99998", 4, 4, 4, 3, 3, 3, 3, 3, 3, "tanpa tanggal"])
write("skm.csv", ["Kode OPD", "Unit Layanan", "Tanggal Survei", "ID Responden"] + [f"U{i}" for i in range(1, 10)]
      + ["Saran"], survey_rows, bom=True)

# training feedback -------------------------------------------------------------
feedback_rows = []
for row in training_rows[:-4]:
    if random.random() < 0.7:
        base = random.uniform(3.2, 4.6)
        values = [min(5, max(1, round(random.gauss(base, 0.5)))) for _ in range(4)]
        feedback_rows.append([row[1], row[0] if random.random() < 0.5 else "", row[7]] + values
                             + [decimal_comma(sum(values) / 4, 1) if random.random() < 0.5 else "",
                                random.choice(["Materi sangat bermanfaat", "Waktu terlalu singkat", ""])])
feedback_rows.append(["DIK-9999-999", "", "01/01/2024", 4, 4, 4, 4, "", ""])
feedback_rows.append([programmes[0][0], "", "01/01/2024", 4, 6, 4, 4, "", ""])
write("evaluasi_diklat.csv", ["Kode Diklat", "NIP", "Tanggal", "Materi", "Widyaiswara", "Metode", "Sarana",
                              "Keseluruhan", "Komentar"], feedback_rows)
print(f"{len(employees)} employees, {len(performance_rows)} appraisals, {len(training_rows)} participations, "
      f"{len(survey_rows)} survey responses, {len(feedback_rows)} course evaluations written to {OUT}")
