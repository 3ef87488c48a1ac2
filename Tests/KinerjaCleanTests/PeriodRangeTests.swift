import KinerjaClean
import KinerjaIngest
import KinerjaTestSupport
import Testing

/// Appraisals and surveys outside the pipeline's `periods` are `period_out_of_range`: a
/// typo like `1900-01` or `2032-05` would otherwise stretch the panel across decades.
@Suite struct PeriodRangeTests {
  let range = PeriodRange(first: .month(1, of: 2020), last: .month(6, of: 2024))

  @Test func aPeriodIsInsideWhenSomeOfItsMonthsAre() {
    #expect(range.contains(.month(1, of: 2020)) && range.contains(.month(6, of: 2024)))
    #expect(!range.contains(.month(12, of: 2019)) && !range.contains(.month(7, of: 2024)))
    #expect(range.contains(.quarter(2, of: 2024)) && !range.contains(.quarter(3, of: 2024)))
    #expect(range.contains(.year(2024)), "the year the range ends in, though it runs past June")
    #expect(!range.contains(.year(2019)) && !range.contains(.year(2025)))
    #expect(PeriodRange.standard(until: CalendarDate(year: 2026, month: 12, day: 3)!).description == "2000-01 to 2026-12")
  }

  @Test func appraisalsOutsideAreRejected() throws {
    let directory = TemporaryDirectory()
    let roster = try Fixture.roster(directory)
    let nip = Fixture.nips[0]
    let text = """
      nip,period,score
      \(nip),2024-01,80
      \(nip),1900-01,70
      \(nip),2032-05,75
      \(nip),2024-07,75
      \(nip),2020-01,81

      """
    var rejects = CollectedRejects()
    let input = try InputReader(kind: .performance, path: directory.write("p.csv", text))
    let cleaned = try PerformanceCleaner(grain: .month, periods: range).clean(
      input, roster: roster, rejects: &rejects)
    let (panel, tally) = (cleaned.table, cleaned.tally)
    #expect(rejects.entries.map(\.line) == [3, 4, 5])
    #expect(rejects.entries.allSatisfy { $0.reason == .periodOutOfRange && $0.column == "period" })
    #expect(panel.periods.first?.description == "2020-01" && panel.periods.last?.description == "2024-01")
    expectBalanced(tally, rejects, input: .performance)
  }

  @Test func surveysOutsideAreRejected() throws {
    let directory = TemporaryDirectory()
    let text = """
      agency_code,date,period,u1,u2,u3,u4,u5,u6,u7,u8,u9
      A1,2024-03-01,,4,4,4,4,4,4,4,4,4
      A1,1999-12-31,,4,4,4,4,4,4,4,4,4
      A1,,2032-05,4,4,4,4,4,4,4,4,4
      A1,,2024-Q2,4,4,4,4,4,4,4,4,4

      """
    var rejects = CollectedRejects()
    let input = try InputReader(kind: .serviceFeedback, path: directory.write("s.csv", text))
    let cleaned = try ServiceFeedbackCleaner(grain: .month, periods: range).clean(input, rejects: &rejects)
    #expect(rejects.entries.map(\.line) == [3, 4])
    #expect(rejects.entries.map(\.column) == ["date", "period"])
    #expect(rejects.entries.allSatisfy { $0.reason == .periodOutOfRange })
    #expect(cleaned.tally.accepted == 2)
  }
}
