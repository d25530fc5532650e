public import BourseCore

extension KillSwitch {
    /// A switch restored from its recorded history (a journal, or the file `bourse killswitch`
    /// keeps): triggered when the last event is a trip, active otherwise.
    public init(_ configuration: KillSwitchConfiguration, startedAt: UnixNanos, history: [KillSwitchEvent]) {
        self.init(configuration, startedAt: startedAt)
        restore(history)
    }
}
