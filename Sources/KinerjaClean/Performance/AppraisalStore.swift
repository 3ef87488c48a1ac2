import KinerjaIngest

/// Accepted appraisals as they arrive, one column of employees per raw period.
///
/// A column is allocated the first time its period is seen, so memory is bounded by
/// employees × periods, not by rows. Each cell keeps the line of its row (0 while the
/// cell is empty), so that a later appraisal for the same employee and period can
/// reject it: 13 bytes a cell.
struct AppraisalStore {
  struct Column {
    var scores: [Double]
    var ratings: [UInt8]
    var lines: [UInt32]

    init(employees: Int) {
      scores = [Double](repeating: .nan, count: employees)
      ratings = [UInt8](repeating: 0, count: employees)
      lines = [UInt32](repeating: 0, count: employees)
    }
  }

  let employees: Int
  private var columns: [Column] = []
  /// Which column holds each raw period.
  private var columnOfPeriod: [Period: Int] = [:]

  init(employees: Int) { self.employees = employees }

  /// Stores a batch of appraisals whose lines are shifted by `lineShift`, in order;
  /// appends the lines of the rows they replace to `replaced`.
  mutating func store(_ batch: AppraisalBatch, lineShift: Int, replaced: inout [Int]) {
    // Rows come grouped by employee with few periods, so the last period's column is
    // usually the next one's too; look periods up only when they change.
    var lastPeriod: Period?
    var lastColumn = 0
    for index in 0..<batch.count {
      let period = batch.periods[index]
      if period != lastPeriod {
        lastPeriod = period
        lastColumn = column(of: period)
      }
      let line = UInt32(truncatingIfNeeded: Int(batch.lines[index]) + lineShift)
      if let earlier = store(
        employee: batch.employees[index], column: lastColumn, score: batch.scores[index],
        rating: batch.ratings[index], line: line)
      {
        replaced.append(earlier)
      }
    }
  }

  private mutating func column(of period: Period) -> Int {
    if let column = columnOfPeriod[period] { return column }
    columns.append(Column(employees: employees))
    columnOfPeriod[period] = columns.count - 1
    return columns.count - 1
  }

  /// Stores one appraisal from `line`; returns the line of the row it replaces, if any.
  private mutating func store(employee: Int32, column: Int, score: Double, rating: UInt8, line: UInt32)
    -> Int?
  {
    let index = Int(employee)
    var replaced: Int?
    columns[column].withCell(index) { cellScore, cellRating, cellLine in
      if cellLine != 0 { replaced = Int(cellLine) }
      cellScore = score
      cellRating = rating
      cellLine = line
    }
    return replaced
  }

  /// The grain periods `panel(grain:)` spans, and the bytes of the columns it will allocate
  /// (a score and a rating per employee for each period not already a stored column).
  func panelSize(grain: Grain) -> (periods: Int, bytes: Int64) {
    let rolled = columnOfPeriod.keys.map { $0.rolled(to: grain)! }
    guard let first = rolled.min(), let last = rolled.max() else { return (0, 0) }
    let periods = Int(last.index - first.index) + 1
    // A stored column becomes the panel's when it is the only one rolled up to its period.
    let members = Dictionary(grouping: columnOfPeriod.keys) { $0.rolled(to: grain)! }
    let reused = members.values.filter { $0.count == 1 && $0[0].grain == grain }.count
    return (periods, Int64(periods - reused) * Int64(employees) * Int64(MemoryLayout<Double>.size + 1))
  }

  /// Rolls the raw periods up to `grain`: per employee and grain period, the mean of
  /// the scores and the rating of the latest raw period that has one.
  consuming func panel(grain: Grain) -> PerformancePanel {
    let rawPeriods = columnOfPeriod.keys.sorted { lhs, rhs in
      // Order raw periods by the month they end in, so the latest appraisal comes last;
      // of two ending together (December and Q4), the finer comes last and its rating wins.
      (Self.endMonth(lhs), lhs.grain.periodsPerYear) < (Self.endMonth(rhs), rhs.grain.periodsPerYear)
    }
    guard let first = rawPeriods.map({ $0.rolled(to: grain)! }).min(),
      let last = rawPeriods.map({ $0.rolled(to: grain)! }).max()
    else {
      return PerformancePanel(grain: grain, firstPeriod: nil, employees: employees, scores: [], ratings: [])
    }
    let periodCount = Int(last.index - first.index) + 1
    var scores: [[Double]] = []
    var ratings: [[UInt8]] = []
    for offset in 0..<periodCount {
      let target = Period(grain: grain, index: first.index + Int32(offset))
      let memberPeriods = rawPeriods.filter { $0.rolled(to: grain) == target }
      // Each column is taken out of the store as it is used, so its memory goes with it.
      let members = memberPeriods.map { takeColumn(columnOfPeriod[$0]!) }
      if members.count == 1 && memberPeriods[0].grain == grain {
        // Already at the grain: the column is the panel's, without a copy.
        scores.append(members[0].scores)
        ratings.append(members[0].ratings)
        continue
      }
      var sums = [Double](repeating: 0, count: employees)
      var counts = [Int32](repeating: 0, count: employees)
      var rolledRatings = [UInt8](repeating: 0, count: employees)
      for column in members {
        for employee in 0..<employees {
          let score = column.scores[employee]
          if !score.isNaN {
            sums[employee] += score
            counts[employee] += 1
          }
          if column.ratings[employee] != 0 { rolledRatings[employee] = column.ratings[employee] }
        }
      }
      for employee in 0..<employees {
        sums[employee] = counts[employee] == 0 ? .nan : sums[employee] / Double(counts[employee])
      }
      scores.append(sums)
      ratings.append(rolledRatings)
    }
    columns = []
    columnOfPeriod = [:]
    return PerformancePanel(
      grain: grain, firstPeriod: first, employees: employees, scores: scores, ratings: ratings)
  }

  private mutating func takeColumn(_ index: Int) -> Column {
    let column = columns[index]
    columns[index] = Column(employees: 0)
    return column
  }

  private static func endMonth(_ period: Period) -> Int {
    switch period.grain {
    case .month: Int(period.index)
    case .quarter: Int(period.index) * 3 + 2
    case .year: Int(period.index) * 12 + 11
    }
  }
}

extension AppraisalStore.Column {
  fileprivate mutating func withCell(_ index: Int, _ body: (inout Double, inout UInt8, inout UInt32) -> Void)
  {
    body(&scores[index], &ratings[index], &lines[index])
  }
}

/// Appraisals accepted from one chunk of the performance export, in file order, with
/// lines counted from the chunk's start.
struct AppraisalBatch: Sendable {
  var employees: [Int32] = []
  var periods: [Period] = []
  var scores: [Double] = []
  var ratings: [UInt8] = []
  var lines: [UInt32] = []

  var count: Int { employees.count }

  mutating func append(employee: Int32, period: Period, score: Double?, rating: Rating?, line: Int) {
    employees.append(employee)
    periods.append(period)
    scores.append(score ?? .nan)
    ratings.append(rating?.rawValue ?? 0)
    lines.append(UInt32(truncatingIfNeeded: line))
  }
}
