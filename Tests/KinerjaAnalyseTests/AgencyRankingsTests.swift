import KinerjaAnalyse
import KinerjaClean
import KinerjaIngest
import KinerjaTestSupport
import Testing

@Suite struct AgencyRankingsTests {
  /// Agencies with `sizes[i]` employees whose scores in every month of 2024 are `levels[i]`
  /// plus a fixed spread of ±4 between employees.
  func data(sizes: [Int], levels: [Double]) throws -> (EmployeeRoster, PerformancePanel) {
    let directory = TemporaryDirectory()
    var employees = "nip,agency_code,region\n"
    var performance = "nip,period,score,rating\n"
    var serial = 0
    for (agency, size) in sizes.enumerated() {
      for member in 0..<size {
        serial += 1
        let nip = String(format: "198001012005011%03d", serial)
        employees += "\(nip),AG\(agency),R\n"
        let score =
          levels[agency] + (member % 2 == 0 ? 4 : -4) + (member == size - 1 && size % 2 == 1 ? 4 : 0)
        for month in 1...6 {
          performance += "\(nip),2024-0\(month),\(score + 0.1 * Double(month) * Double(agency)),Baik\n"
        }
      }
    }
    var rejects = DiscardRejects()
    let roster = try EmployeeCleaner().clean(
      InputReader(kind: .employees, path: directory.write("e.csv", employees)), rejects: &rejects
    ).table
    let panel = try PerformanceCleaner(grain: .month).clean(
      InputReader(kind: .performance, path: directory.write("p.csv", performance)), roster: roster,
      rejects: &rejects
    ).table
    return (roster, panel)
  }

  func ranks(_ rows: [RankingRow]) -> [String: Int] {
    Dictionary(uniqueKeysWithValues: rows.compactMap { row in row.rank.map { (row.agencyCode, $0) } })
  }

  @Test func aThreeEmployeeAgencyDoesNotTopOnALuckyMean() throws {
    let (roster, panel) = try data(sizes: [3, 20, 20, 20, 20, 20], levels: [90.5, 85, 86, 87, 88, 91])
    let rankings = AgencyRankings(weights: [.performance: 1], minGroup: 2)
    let rows = rankings.rows(
      roster: roster, performance: panel, responses: nil, coverage: [], trainingPairs: [], participations: nil
    )
    let small = try #require(rows.first { $0.agencyCode == "AG0" })
    let meanScore = try #require(small.meanScore)
    let shrunken = try #require(small.shrunkenMean)
    #expect(
      rows.allSatisfy { $0.agencyCode == "AG0" || ($0.meanScore ?? 0) < meanScore },
      "its raw mean is the highest")
    #expect(shrunken < meanScore)
    #expect(ranks(rows)["AG0"] != 1, "shrunk, it does not top the ranking")
    #expect(ranks(rows)["AG5"] == 1)
    let high = try #require(small.shrunkenHigh)
    let low = try #require(small.shrunkenLow)
    #expect(high > shrunken && low < shrunken)
  }

  /// One agency's appraisals in one year.
  struct AgencyYear {
    /// The mean of its employees' yearly means, and the slope per month of its monthly means.
    var mean: Double
    var slope: Double
    /// Months appraised, January on.
    var months = 4
    /// Employees whose last rating of the year is Sangat Baik (the others: Baik).
    var sangatBaik = 0
    /// Everyone rated Sangat Baik until the last month, then Baik.
    var fades = false
  }

  /// Agencies AG0, AG1, … with `sizes` employees; in each year of `years` (2023, 2024, …) an
  /// employee's score in month m of M is mean − slope (M − 1) / 2 + slope (m − 1) ± 2 (+2 for
  /// even members, −2 for odd; 0 for the last of an odd-sized agency). So the agency's mean
  /// is `mean`, its monthly means rise by `slope`, and with 10 employees the sample variance
  /// of the yearly means is 40 / 9, v_j = 4 / 9.
  func data(sizes: [Int], years: [[AgencyYear]]) throws -> (EmployeeRoster, PerformancePanel) {
    let directory = TemporaryDirectory()
    var employees = "nip,agency_code,region\n"
    var performance = "nip,period,score,rating\n"
    var serial = 0
    for (agency, size) in sizes.enumerated() {
      for member in 0..<size {
        serial += 1
        let nip = String(format: "198001012005011%03d", serial)
        employees += "\(nip),AG\(agency),R\n"
        let offset: Double = member == size - 1 && size % 2 == 1 ? 0 : (member % 2 == 0 ? 2 : -2)
        for (position, year) in years.enumerated() {
          let plan = year[agency]
          for month in 1...plan.months {
            let score =
              plan.mean - plan.slope * Double(plan.months - 1) / 2 + plan.slope * Double(month - 1) + offset
            let best = plan.fades ? month < plan.months : member < plan.sangatBaik
            performance += "\(nip),\(2023 + position)-0\(month),\(score),\(best ? "Sangat Baik" : "Baik")\n"
          }
        }
      }
    }
    var rejects = UnexpectedRejects()
    let roster = try EmployeeCleaner().clean(
      InputReader(kind: .employees, path: directory.write("e.csv", employees)), rejects: &rejects
    ).table
    let panel = try PerformanceCleaner(grain: .month).clean(
      InputReader(kind: .performance, path: directory.write("p.csv", performance)), roster: roster,
      rejects: &rejects
    ).table
    return (roster, panel)
  }

  /// Five agencies of 10 (AG2 and AG3 identical twins) and AG4 of 3, over 2023 and 2024,
  /// ranked on performance and improvement with equal weights (min_group 5). AG5 is appraised
  /// only in January and February, so it has no improvement (fewer than 3 points).
  ///
  /// 2023: means y = 80, 84, 82, 82, 86 (AG0, AG1, AG2, AG3, AG5), μ = 82.8, deviations
  /// −2.8, 1.2, −0.8, −0.8, 3.2, sample variance s² = 20.8 / 4 = 5.2. With equal v = 4/9,
  /// DerSimonian–Laird gives τ² = s² − v and B = v / s² = (4/9) / 5.2; shrinking is affine, so
  /// z(performance) = deviation / √5.2. Slopes 0.4, 0, 0.2, 0.2 (mean 0.2, sd √(0.08/3)):
  /// z(improvement) = ±1.2247, 0, 0. Composites (z_p + z_i) / 2 = −0.0016, −0.3492, −0.1754,
  /// −0.1754 and, for AG5, z_p alone = 1.4033: ranks AG5 1, AG0 2, AG2 and AG3 3, AG1 5.
  ///
  /// 2024: y = 85, 83, 82, 82, 80, μ = 82.4, s² = 13.2 / 4 = 3.3; slopes 0.2, 0.6, 0, 0
  /// (mean 0.2, sd √0.08). Composites 0.7156, 0.8722, −0.4636, −0.4636, −1.3212: ranks AG1 1,
  /// AG0 2, AG2 and AG3 3, AG5 5; rank changes (last year's − this year's) 0, +4, 0, 0, −4.
  ///
  /// Ratings: AG0 8 of 10 Sangat Baik in 2023 (inflated), 7 in 2024 (exactly 70 %: not);
  /// AG1 7 then 8; AG2 Sangat Baik until the last month, then Baik (share 0); AG4 all 3 (too
  /// small to report).
  @Test func componentsCompositeRanksAndFlags() throws {
    let (roster, panel) = try data(
      sizes: [10, 10, 10, 10, 3, 10],
      years: [
        [
          AgencyYear(mean: 80, slope: 0.4, sangatBaik: 8), AgencyYear(mean: 84, slope: 0, sangatBaik: 7),
          AgencyYear(mean: 82, slope: 0.2, fades: true), AgencyYear(mean: 82, slope: 0.2),
          AgencyYear(mean: 95, slope: 0, sangatBaik: 3), AgencyYear(mean: 86, slope: 0.6, months: 2),
        ],
        [
          AgencyYear(mean: 85, slope: 0.2, sangatBaik: 7), AgencyYear(mean: 83, slope: 0.6, sangatBaik: 8),
          AgencyYear(mean: 82, slope: 0, fades: true), AgencyYear(mean: 82, slope: 0),
          AgencyYear(mean: 95, slope: 0, sangatBaik: 3), AgencyYear(mean: 80, slope: 0.6, months: 2),
        ],
      ])
    let rows = AgencyRankings(weights: [.performance: 1, .improvement: 1], minGroup: 5).rows(
      roster: roster, performance: panel, responses: nil, coverage: [], trainingPairs: [], participations: nil)
    #expect(rows.count == 12)
    let z95 = 1.959_963_984_540_054
    let ranked = ["AG0", "AG1", "AG2", "AG3", "AG5"]
    struct Year {
      var year: Int
      var means: [Double]
      var variance: Double
      var slopes: [Double?]
      var ranks: [Int]
      var rankChanges: [Int?]
      var shares: [Double]
    }
    let years = [
      Year(
        year: 2023, means: [80, 84, 82, 82, 86], variance: 5.2, slopes: [0.4, 0, 0.2, 0.2, nil],
        ranks: [2, 5, 3, 3, 1], rankChanges: [nil, nil, nil, nil, nil], shares: [0.8, 0.7, 0, 0, 0]),
      Year(
        year: 2024, means: [85, 83, 82, 82, 80], variance: 3.3, slopes: [0.2, 0.6, 0, 0, nil],
        ranks: [2, 1, 3, 3, 5], rankChanges: [0, 4, 0, 0, -4], shares: [0.7, 0.8, 0, 0, 0]),
    ]
    for expected in years {
      let mu = expected.means.reduce(0, +) / 5
      let v = 4.0 / 9
      let b = v / expected.variance
      let slopes = expected.slopes.compactMap { $0 }
      let slopeMean = slopes.reduce(0, +) / 4
      let slopeSD = (slopes.reduce(0) { $0 + ($1 - slopeMean) * ($1 - slopeMean) } / 3).squareRoot()
      for (position, code) in ranked.enumerated() {
        let label = "\(code) \(expected.year)"
        let row = try #require(rows.first { $0.agencyCode == code && $0.year == expected.year }, "\(label)")
        let y = expected.means[position]
        let shrunken = mu + (1 - b) * (y - mu)
        let sd = ((1 - b) * v).squareRoot()
        #expect(row.employees == 10 && !row.smallAgency, "\(label)")
        #expect(agrees(row.meanScore, y), "\(label) mean")
        #expect(agrees(row.shrunkenMean, shrunken), "\(label) shrunken mean")
        #expect(agrees(row.values[.performance], shrunken), "\(label) performance component")
        #expect(agrees(row.shrunkenLow, shrunken - z95 * sd) && agrees(row.shrunkenHigh, shrunken + z95 * sd), "\(label)")
        let zPerformance = (y - mu) / expected.variance.squareRoot()
        #expect(agrees(row.zScores[.performance], zPerformance), "\(label) z performance")
        let zImprovement = expected.slopes[position].map { ($0 - slopeMean) / slopeSD }
        #expect(agrees(row.values[.improvement], expected.slopes[position]), "\(label) slope")
        // A slope at the mean has z = 0, which the scores' decimal rounding leaves at ~1e-14.
        #expect(agrees(row.zScores[.improvement], zImprovement, zeroFloor: 1e-12), "\(label) z improvement")
        // The composite is the weighted mean over the components the agency has.
        let composite = zImprovement.map { (zPerformance + $0) / 2 } ?? zPerformance
        #expect(agrees(row.composite, composite), "\(label) composite")
        #expect(row.rank == expected.ranks[position], "\(label) rank")
        #expect(row.rankChange == expected.rankChanges[position], "\(label) rank change")
        #expect(agrees(row.shareSangatBaik, expected.shares[position]), "\(label) share Sangat Baik")
        #expect(row.ratingInflation == (expected.shares[position] > 0.7), "\(label) rating inflation")
      }
      let small = try #require(rows.first { $0.agencyCode == "AG4" && $0.year == expected.year })
      #expect(small.smallAgency && small.employees == 3)
      #expect(small.rank == nil && small.composite == nil && small.meanScore == nil && small.shrunkenMean == nil)
      #expect(small.shareSangatBaik == nil && !small.ratingInflation, "3 of 3 Sangat Baik is not published")
      #expect(small.zScores.isEmpty && small.rankChange == nil)
    }
    // Output order: year, then rank, then code; the unranked small agency last.
    #expect(
      rows.map { "\($0.year) \($0.agencyCode)" }
        == ["2023 AG5", "2023 AG0", "2023 AG2", "2023 AG3", "2023 AG1", "2023 AG4"]
        + ["2024 AG1", "2024 AG0", "2024 AG2", "2024 AG3", "2024 AG5", "2024 AG4"])
  }

  @Test func weightsAreNormalisedAndTiesShareARank() throws {
    // AG1 and AG2 are identical, so their composites are equal to the bit: a tie.
    let (roster, panel) = try data(
      sizes: [10, 10, 10, 10],
      years: [
        [
          AgencyYear(mean: 85, slope: 0.1), AgencyYear(mean: 88, slope: 0.3), AgencyYear(mean: 88, slope: 0.3),
          AgencyYear(mean: 90, slope: 0),
        ]
      ])
    let unnormalised = AgencyRankings(weights: [.performance: 3, .improvement: 3], minGroup: 5)
    let normalised = AgencyRankings(weights: [.performance: 0.5, .improvement: 0.5], minGroup: 5)
    #expect(unnormalised.weights[.performance] == 0.5)
    let a = unnormalised.rows(
      roster: roster, performance: panel, responses: nil, coverage: [], trainingPairs: [], participations: nil
    )
    let b = normalised.rows(
      roster: roster, performance: panel, responses: nil, coverage: [], trainingPairs: [], participations: nil
    )
    #expect(a.map(\.composite) == b.map(\.composite))
    let composites = Dictionary(uniqueKeysWithValues: a.map { ($0.agencyCode, $0.composite) })
    #expect(composites["AG1"] != nil && composites["AG1"] == composites["AG2"])
    // z: performance −1.3339, 0.1213, 0.1213, 1.0914 (means 85, 88, 88, 90; sd √4.25);
    // improvement −0.5, 0.8333, 0.8333, −1.1667 (slopes 0.1, 0.3, 0.3, 0; sd 0.15). Composites
    // −0.9170, 0.4773, 0.4773, −0.0376: the twins lead, AG3 third.
    #expect(ranks(a) == ["AG1": 1, "AG2": 1, "AG3": 3, "AG0": 4], "competition ranks: 1, 1, 3, 4")
    // A component no agency has ranks nobody: there is nothing to standardise.
    let unranked = AgencyRankings(weights: [.coverage: 1, .performance: 0], minGroup: 5).rows(
      roster: roster, performance: panel, responses: nil, coverage: [], trainingPairs: [], participations: nil
    )
    #expect(unranked.allSatisfy { $0.rank == nil }, "no agency has coverage, so none is ranked")
    #expect(competitionRanks([0.5, 0.2, 0.5, -1]) == [1, 3, 1, 4])
  }
}
