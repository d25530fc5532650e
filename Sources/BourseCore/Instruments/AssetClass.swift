/// What kind of instrument this is; drives settlement and margin rules.
public enum AssetClass: String, Sendable, Hashable, Codable, CaseIterable {
    case equity
    case etf
    case cryptoSpot = "crypto-spot"
    case cryptoPerpetual = "crypto-perpetual"
    case fxSpot = "fx-spot"
    case future
}
