public import BourseCore

/// Why a simulated venue could not be set up.
public enum SimulatedVenueError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two instruments with the same id.
    case duplicateInstrument(InstrumentID)
    /// An instrument listed at another venue.
    case foreignInstrument(InstrumentID, venue: Venue)
    /// A venue name so long that its order and trade ids would exceed the identifier length limit.
    case venueNameTooLong(Venue)
    /// The starting balances could not be deposited.
    case account(AccountError)

    public var description: String {
        switch self {
        case .duplicateInstrument(let id): "instrument \(id) is listed twice"
        case .foreignInstrument(let id, let venue): "instrument \(id) does not trade at venue \(venue)"
        case .venueNameTooLong(let venue): "venue name \(venue) is too long to build order and trade ids from"
        case .account(let error): "starting balances: \(error)"
        }
    }
}
