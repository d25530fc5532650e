extension InMemoryEventJournal {
    /// A journal holding `records` appended again in order (sequences from 1): e.g. what of a
    /// journal survived a crash, in a test.
    public convenience init(copying records: some Sequence<JournalRecord>) throws(JournalError) {
        self.init()
        for record in records { try append(record.entry, timestamp: record.timestamp, correlationID: record.correlationID) }
    }
}
