import BourseConfiguration
import Foundation
import Testing

@Suite struct ConfigurationReportTests {
    static let token = Setting("venue.api-key", type: .text, default: "none", summary: "API key.", isSecret: true)

    @Test func tableShowsValueAndSourceOfEverySetting() throws {
        let configuration = try Configuration.load(
            schema: platformSchema(),
            file: yaml("log:", "  level: debug"),
            environment: ["BOURSE_LOG_LEVEL": "notice"],
            overrides: [CommandLineOverride(key: "home", value: "/data", flag: "--data-dir")]
        )
        #expect(
            configuration.table() == """
                configuration file: bourse.yaml
                KEY                        VALUE          SOURCE
                home                       /data          flag --data-dir
                log.level                  notice         env BOURSE_LOG_LEVEL (overrides file bourse.yaml:2:10)
                backtest.starting-balance  100000.00 USD  default
                backtest.base-currency     USD            default
                """
        )
    }

    @Test func jsonNamesEachSourceAndDescribesEachSetting() throws {
        let configuration = try Configuration.load(schema: platformSchema(), file: yaml("home: /data"))
        let json = try configuration.json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["file"] as? String == "bourse.yaml")
        let settings = try #require(object["settings"] as? [[String: Any]])
        #expect(
            settings.map { $0["key"] as? String } == [
                "home", "log.level", "backtest.starting-balance", "backtest.base-currency",
            ])
        let home = settings[0]
        #expect(home["value"] as? String == "/data")
        #expect(home["default"] as? String == "./.bourse")
        #expect(home["environmentVariable"] as? String == "BOURSE_HOME")
        #expect(home["flag"] as? String == "--data-dir")
        let source = try #require(home["source"] as? [String: Any])
        #expect(source["kind"] as? String == "file")
        #expect(source["path"] as? String == "bourse.yaml")
        #expect(source["line"] as? Int == 1)
        let level = try #require(settings[1]["source"] as? [String: Any])
        #expect(level["kind"] as? String == "default")
    }

    @Test func secretsAreRedacted() throws {
        let schema = try ConfigurationSchema([Self.token.erased])
        let configuration = try Configuration.load(schema: schema, environment: ["BOURSE_VENUE_API_KEY": "s3cret"])
        #expect(configuration[Self.token] == "s3cret")
        #expect(!configuration.table().contains("s3cret"))
        #expect(!(try configuration.json()).contains("s3cret"))
        #expect(configuration.table().contains("<redacted>"))
    }
}
