import KinerjaAggregate
import KinerjaClean
import KinerjaIngest
import KinerjaTestSupport
import Testing

@Suite struct SharedRollupsTests {
  func responses(_ text: String) throws -> SurveyResponses {
    let directory = TemporaryDirectory()
    var rejects = NoRejects()
    return try ServiceFeedbackCleaner(grain: .month).clean(
      InputReader(kind: .serviceFeedback, path: directory.write("s.csv", text)), rejects: &rejects
    ).table
  }

  @Test func surveyTotalsCountEachResponseForItsAgencyAndItsUnit() throws {
    let header = "agency_code,unit,date," + (1...9).map { "u\($0)" }.joined(separator: ",") + "\n"
    let survey = try responses(
      header
        + "A1,Loket,2024-01-05,4,4,4,4,4,4,4,4,4\n"
        + "A1,,2024-02-05,2,,2,2,2,2,2,2,2\n"
        + "A1,Loket,2024-05-05,1,1,1,1,1,1,1,1,1\n"
        + "B2,,2025-01-05,3,3,3,3,3,3,3,3,3\n")
    let totals = SurveyTotals(responses: survey, grain: .quarter)
    let agencyA = try #require(survey.agencies.id(of: "A1"))
    let loket = try #require(survey.units.id(of: "Loket"))
    let q1 = Period.quarter(1, of: 2024)
    let agencyQ1 = try #require(totals.totals[.init(agency: agencyA, unit: -1, period: q1)])
    #expect(agencyQ1.respondents == 2, "January and February roll up to the first quarter")
    #expect(agencyQ1.elementSums == [6, 4, 6, 6, 6, 6, 6, 6, 6])
    #expect(agencyQ1.elementAnswers == [2, 1, 2, 2, 2, 2, 2, 2, 2], "an unanswered element is left out")
    #expect(agencyQ1.ownScoreSum == 100 + 50, "own scores: 25 × 4 and 25 × 2 over the eight answered")
    let unitQ1 = try #require(totals.totals[.init(agency: agencyA, unit: loket, period: q1)])
    #expect(unitQ1.respondents == 1 && unitQ1.elementSums == [Int](repeating: 4, count: 9))
    #expect(totals.totals.count == 5, "A1 in Q1 and Q2, Loket in Q1 and Q2, B2 in 2025-Q1")

    let year = totals.agencyAnswers(in: 2024)
    #expect(Set(year.keys) == ["A1"])
    #expect(year["A1"]?.respondents == 3)
    #expect(year["A1"]?.elementSums == [7, 5, 7, 7, 7, 7, 7, 7, 7], "the unit's responses are not counted twice")
    #expect(year["A1"]?.elementMeans.first == 7.0 / 3)
    #expect(totals.agencyAnswers(in: 2025)["B2"]?.respondents == 1)
  }

  @Test func participationsGroupByProgrammeAttributesAndByTheirEmployeesRosterGroups() throws {
    let directory = TemporaryDirectory()
    let employees = "nip,agency_code,region,sector,grade\n"
      + "198001012005011001,A,R1,keuangan,III/a\n"
      + "198001012005011002,B,R1,,\n"
    let training = "nip,program_id,method,topic,provider,start_date,end_date,status\n"
      + "198001012005011001,P1,lokakarya,manajemen,BPSDM,2024-04-02,2024-04-05,completed\n"
      + "198001012005011002,P2,seminar,,,2024-05-02,2024-05-03,completed\n"
      + "198001012005011002,P1,lokakarya,manajemen,BPSDM,2024-06-02,2024-06-05,completed\n"
    var rejects = NoRejects()
    let roster = try EmployeeCleaner().clean(
      InputReader(kind: .employees, path: directory.write("e.csv", employees)), rejects: &rejects
    ).table
    let participations = try TrainingCleaner().clean(
      InputReader(kind: .training, path: directory.write("t.csv", training)), roster: roster, rejects: &rejects
    ).table
    #expect(participations.count == 3)

    func keys(_ dimension: Dimension) -> [String?] {
      let grouping = ParticipationGrouping(dimension: dimension, participations: participations, roster: roster)
      return grouping.groupOfParticipation.map { $0 < 0 ? nil : grouping.keys[Int($0)] }
    }
    #expect(keys(.program) == ["P1", "P2", "P1"])
    #expect(keys(.method) == ["workshop", "seminar", "workshop"])
    #expect(keys(.topic) == ["manajemen", nil, "manajemen"])
    #expect(keys(.provider) == ["BPSDM", nil, "BPSDM"])
    #expect(keys(.agency) == ["A", "B", "B"])
    #expect(keys(.sector) == ["keuangan", nil, nil], "an employee without a sector is in no sector's group")
    #expect(keys(.grade) == ["III/a", nil, nil])
    #expect(keys(.nation) == ["all", "all", "all"])
  }
}
