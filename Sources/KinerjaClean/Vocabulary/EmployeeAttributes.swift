import KinerjaIngest

/// Golongan/ruang: the civil-service grade, `I/a` to `IV/e` (17 values).
package enum Grade: UInt8, CaseIterable, Sendable, CustomStringConvertible {
  case ia = 1
  case ib, ic, id
  case iia, iib, iic, iid
  case iiia, iiib, iiic, iiid
  case iva, ivb, ivc, ivd, ive

  /// The grade as written officially: `III/a`.
  package var description: String {
    let group = ["I", "II", "III", "IV"][min(3, Int(rawValue - 1) / 4)]
    let room = ["a", "b", "c", "d", "e"][rawValue == 17 ? 4 : Int(rawValue - 1) % 4]
    return "\(group)/\(room)"
  }

  /// Reads `III/a`, `3a`, `III-A`, `III a`, `IIIa`, `3/a`.
  init?(_ field: Field) {
    var group = 0
    var roman = 0
    var room: UInt8 = 0
    for byte in field.trimmed.bytes {
      let lower = Field.lowercased(byte)
      if room != 0 { return nil }
      switch lower {
      case UInt8(ascii: "1")...UInt8(ascii: "4"):
        guard group == 0 && roman == 0 else { return nil }
        group = Int(lower - 0x30)
      case UInt8(ascii: "i"):
        // I, II, III; IV is I then V.
        guard group == 0, roman < 3 else { return nil }
        roman += 1
      case UInt8(ascii: "v"):
        guard group == 0, roman == 1 else { return nil }
        roman = 4
      case UInt8(ascii: "a")...UInt8(ascii: "e"):
        if roman != 0 { group = roman }
        guard (1...4).contains(group) else { return nil }
        room = lower - UInt8(ascii: "a") + 1
      case 0x20, UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "."):
        continue
      default:
        return nil
      }
    }
    guard (1...4).contains(group), room >= 1, room <= (group == 4 ? 5 : 4) else { return nil }
    self.init(rawValue: UInt8((group - 1) * 4) + room)
  }
}

/// Jenis jabatan: the kind of position an employee holds.
package enum PositionType: UInt8, CaseIterable, Sendable, CustomStringConvertible {
  case jpt = 1
  case administrator
  case pengawas
  case pelaksana
  case fungsional

  package var description: String {
    switch self {
    case .jpt: "jpt"
    case .administrator: "administrator"
    case .pengawas: "pengawas"
    case .pelaksana: "pelaksana"
    case .fungsional: "fungsional"
    }
  }

  static let vocabulary = Vocabulary<PositionType>([
    "jpt": .jpt, "jabatan pimpinan tinggi": .jpt, "jpt pratama": .jpt, "jpt madya": .jpt, "jpt utama": .jpt,
    "administrator": .administrator, "jabatan administrator": .administrator,
    "pengawas": .pengawas, "jabatan pengawas": .pengawas,
    "pelaksana": .pelaksana, "jabatan pelaksana": .pelaksana,
    "fungsional": .fungsional, "jabatan fungsional": .fungsional, "jft": .fungsional,
  ])
}

/// Jenis kelamin.
package enum Gender: UInt8, Sendable, CustomStringConvertible {
  case male = 1
  case female = 2

  package var description: String { self == .male ? "L" : "P" }

  static let vocabulary = Vocabulary<Gender>([
    "l": .male, "m": .male, "1": .male, "laki laki": .male, "pria": .male, "male": .male,
    "p": .female, "f": .female, "2": .female, "perempuan": .female, "wanita": .female, "female": .female,
  ])
}
