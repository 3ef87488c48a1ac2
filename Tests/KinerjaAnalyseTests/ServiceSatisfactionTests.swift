import KinerjaAnalyse
import KinerjaClean
import KinerjaIngest
import KinerjaTestSupport
import Testing

@Suite struct ServiceSatisfactionTests {
  /// Responses of one agency in one month, each row its nine answers ("" unanswered).
  func rows(_ answers: [[String]], minGroup: Int = 5, unit: String = "") throws -> [SatisfactionRow] {
    let directory = TemporaryDirectory()
    var text = "agency_code,unit,date," + (1...9).map { "u\($0)" }.joined(separator: ",") + "\n"
    for row in answers { text += "A1,\(unit),2024-03-05," + row.joined(separator: ",") + "\n" }
    var rejects = DiscardRejects()
    let responses = try ServiceFeedbackCleaner(grain: .month).clean(
      InputReader(kind: .serviceFeedback, path: directory.write("s.csv", text)), rejects: &rejects
    ).table
    return SatisfactionRow.rows(from: responses, grain: .quarter, minGroup: minGroup)
  }

  /// `count` respondents answering every element, with `total` the sum of all 9 × `count` answers.
  func respondents(total: Int, count: Int = 250) -> [[String]] {
    var remaining = total - 9 * count  // start from all 1s
    return (0..<count).map { _ in
      (0..<9).map { _ in
        let extra = min(3, remaining)
        remaining -= extra
        return String(1 + extra)
      }
    }
  }

  @Test func everyElementWeighsExactlyOneNinth() throws {
    let best = try rows([[String]](repeating: [String](repeating: "4", count: 9), count: 5))
    #expect(best.first?.ikm == 100, "25 × 4, not 25 × 4 × 9 × 0.11 = 99")
    #expect(best.first?.grade == "A" && best.first?.gradeLabel == "Sangat Baik")
  }

  /// IKM = 25 × total / (9 × 250) = total / 90: 7947 → 88.30 (B), 7948 → 88.31 (A), and so on.
  @Test(arguments: [
    (7947, "B"), (7948, "A"), (6894, "C"), (6895, "B"), (5850, "C"), (5849, "D"), (9000, "A"), (2250, "D"),
  ])
  func gradeBoundaries(total: Int, grade: String) throws {
    let row = try #require(try rows(respondents(total: total)).first)
    #expect(row.respondents == 250)
    let ikm = try #require(row.ikm)
    #expect(abs(ikm - Double(total) / 90) < 1e-12)
    #expect(row.grade == grade, "IKM \(ikm)")
  }

  /// The grade is read from the IKM rounded to two decimals, as reported. With 1,000
  /// respondents IKM = 25 × total / 9,000 = total / 360: 31789 → 88.3028 (reported 88.30, B),
  /// 31790 → 88.3056 (88.31, A) although below 88.31; likewise 76.6028 / 76.6056 around
  /// B's lower bound and 64.9944 / 64.9972 around C's.
  @Test(arguments: [
    (31788, "B"), (31789, "B"), (31790, "A"), (31792, "A"), (27577, "C"), (27578, "B"), (23398, "D"),
    (23399, "C"),
  ])
  func gradeOfTheReportedValue(total: Int, grade: String) throws {
    let row = try #require(try rows(respondents(total: total, count: 1000)).first)
    #expect(row.respondents == 1000)
    let ikm = try #require(row.ikm)
    #expect(abs(ikm - Double(total) / 360) < 1e-12)
    #expect(row.grade == grade, "IKM \(ikm)")
  }

  @Test func gradesBetweenTheBounds() {
    #expect(IKM.grade(88.3049).letter == "B" && IKM.grade(88.3051).letter == "A")
    #expect(IKM.grade(88.30).letter == "B" && IKM.grade(88.31).letter == "A")
    #expect(IKM.grade(76.6049) == ("C", "Kurang Baik") && IKM.grade(76.6051) == ("B", "Baik"))
    #expect(IKM.grade(64.9949) == ("D", "Tidak Baik") && IKM.grade(64.9951) == ("C", "Kurang Baik"))
    #expect(IKM.grade(100).letter == "A" && IKM.grade(25).letter == "D")
  }

  @Test func unansweredElementsAreLeftOutOfTheirMean() throws {
    let answers = [
      ["4", "3", "", "4", "4", "4", "4", "4", "4"],
      ["2", "3", "3", "4", "4", "4", "4", "4", "4"],
      ["3", "3", "", "4", "4", "4", "4", "4", "4"],
      ["3", "3", "2", "4", "4", "4", "4", "4", "4"],
      ["3", "3", "4", "4", "4", "4", "4", "4", "4"],
    ]
    let row = try #require(try rows(answers).first)
    #expect(row.elementMeans[0] == 3 && row.elementMeans[2] == 3, "u3: (3 + 2 + 4) / 3")
    #expect(row.ikm == 25 * (3 + 3 + 3 + 4 * 6) / 9.0)
  }

  @Test func smallSurveysAreSuppressedAndUnitsHaveTheirOwnRows() throws {
    let four = try rows([[String]](repeating: [String](repeating: "3", count: 9), count: 4), unit: "Loket")
    #expect(four.map(\.level) == ["agency", "unit"])
    #expect(four.allSatisfy { $0.suppressed && $0.ikm == nil && $0.respondents == 4 })
    #expect(four[1].unit == "Loket")
    #expect(four[0].period.description == "2024-Q1", "March is reported in its quarter")
  }
}
