import BourseCore

/// One instrument behind a reference, so the venue hands it to its fill and fee models per
/// execution without copying the 300-byte value (and retaining its tags) each time.
final class SharedInstrument: Sendable {
    let instrument: Instrument

    init(_ instrument: Instrument) {
        self.instrument = instrument
    }
}
