import BourseConfiguration
import Testing

@Suite struct ConfigurationSchemaTests {
    static let port = Setting("server.port", type: .integer(in: 1...65535), default: 8080, summary: "Port.")

    @Test func derivesEnvironmentVariablesFromKeys() {
        #expect(
            Setting<Int>.environmentVariable(forKey: "backtest.starting-balance") == "BOURSE_BACKTEST_STARTING_BALANCE")
        #expect(Self.port.environmentVariable == "BOURSE_SERVER_PORT")
        #expect(PlatformSettings.home.environmentVariable == "BOURSE_HOME")
    }

    @Test func anotherModuleRegistersAndReadsASetting() throws {
        let schema = try ConfigurationSchema(PlatformSettings.all + [Self.port.erased])
        let configuration = try Configuration.load(
            schema: schema,
            file: ConfigurationFile(path: "c.yaml", text: "server:\n  port: 9000\n")
        )
        #expect(configuration[Self.port] == 9000)
        #expect(schema.isSection("server"))
        #expect(schema.keys(inSection: "server") == ["server.port"])
    }

    @Test(arguments: [
        (
            "Log.level",
            "invalid setting key 'Log.level': use dot-separated lower-case words (letters, digits, '-'), like log.level"
        ),
        (
            "log..level",
            "invalid setting key 'log..level': use dot-separated lower-case words (letters, digits, '-'), like log.level"
        ),
        (
            "log.level-",
            "invalid setting key 'log.level-': use dot-separated lower-case words (letters, digits, '-'), like log.level"
        ),
        (
            "9lives",
            "invalid setting key '9lives': use dot-separated lower-case words (letters, digits, '-'), like log.level"
        ),
    ])
    func rejectsMalformedKeys(key: String, message: String) {
        let setting = Setting(key, type: .bool, default: false, summary: "")
        #expect(schemaError([setting.erased])?.description == message)
    }

    @Test func rejectsDuplicateKey() {
        let again = Setting("home", type: .text, default: "x", summary: "")
        #expect(schemaError(PlatformSettings.all + [again.erased]) == .duplicateKey("home"))
    }

    @Test func rejectsKeyThatIsAlsoASection() {
        let log = Setting("log", type: .bool, default: true, summary: "")
        #expect(schemaError(PlatformSettings.all + [log.erased]) == .keyIsSection(key: "log", child: "log.level"))
    }

    @Test func rejectsSharedOrReservedEnvironmentVariable() {
        let shared = Setting("data.home", type: .path, default: "x", summary: "", environmentVariable: "BOURSE_HOME")
        #expect(
            schemaError(PlatformSettings.all + [shared.erased])
                == .duplicateEnvironmentVariable("BOURSE_HOME", keys: ["home", "data.home"]))
        let reserved = Setting("config", type: .path, default: "x", summary: "")
        #expect(
            schemaError([reserved.erased])
                == .duplicateEnvironmentVariable("BOURSE_CONFIG", keys: ["config", "the configuration file"])
        )
    }

    @Test func rejectsSharedFlag() {
        let other = Setting("data.root", type: .path, default: "x", summary: "", flag: "--data-dir")
        #expect(
            schemaError(PlatformSettings.all + [other.erased])
                == .duplicateFlag("--data-dir", keys: ["home", "data.root"]))
    }

    @Test func rejectsInvalidDefault() {
        let outOfRange = Setting("server.port", type: .integer(in: 1...65535), default: 0, summary: "")
        #expect(
            schemaError([outOfRange.erased])
                == .invalidDefault(key: "server.port", reason: "expected an integer in 1...65535"))
        let failsCheck = Setting("risk.max-orders", type: .integer(in: 0...100), default: 0, summary: "") {
            value throws(SettingValueError) in
            guard value > 0 else { throw SettingValueError("must be positive") }
        }
        #expect(schemaError([failsCheck.erased]) == .invalidDefault(key: "risk.max-orders", reason: "must be positive"))
    }

    private func schemaError(_ settings: [AnySetting]) -> ConfigurationSchemaError? {
        do {
            _ = try ConfigurationSchema(settings)
            return nil
        } catch {
            return error
        }
    }
}
