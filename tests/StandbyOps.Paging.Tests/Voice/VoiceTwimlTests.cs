using System.Xml.Linq;
using StandbyOps.Paging.Voice;

namespace StandbyOps.Paging.Tests.Voice;

public sealed class VoiceTwimlTests
{
    private static readonly Uri Gather = new("https://standbyops.example.net/api/v1/twilio/voice/gather?page=PG1");

    [Fact]
    public void The_prompt_gathers_one_digit_reading_the_script_twice_then_hangs_up()
    {
        var root = XDocument.Parse(VoiceTwiml.Prompt("Case 2 0 2 6. Press 1 to acknowledge.", Gather)).Root!;

        Assert.Equal("Response", root.Name.LocalName);
        Assert.Equal(["Gather", "Gather", "Say", "Hangup"], root.Elements().Select(e => e.Name.LocalName));
        foreach (var gather in root.Elements("Gather"))
        {
            Assert.Equal("1", gather.Attribute("numDigits")?.Value);
            Assert.Equal(Gather.AbsoluteUri, gather.Attribute("action")?.Value);
            Assert.Equal("POST", gather.Attribute("method")?.Value);
            Assert.Equal("Case 2 0 2 6. Press 1 to acknowledge.", Assert.Single(gather.Elements("Say")).Value);
        }

        Assert.Equal(VoiceTwiml.NoKey, root.Element("Say")!.Value);
    }

    [Fact]
    public void Markup_in_the_script_is_escaped_not_interpreted()
    {
        var root = XDocument.Parse(VoiceTwiml.Prompt("a < b & </Say><Dial>+31600000000</Dial>", Gather)).Root!;

        Assert.Empty(root.Descendants("Dial"));
        Assert.Equal("a < b & </Say><Dial>+31600000000</Dial>", root.Elements("Gather").First().Element("Say")!.Value);
    }

    [Fact]
    public void Say_and_hang_up_says_the_text_and_ends_the_call()
    {
        var root = XDocument.Parse(VoiceTwiml.SayAndHangUp("2026-000042 acknowledged. Goodbye.")).Root!;

        Assert.Equal(["Say", "Hangup"], root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("2026-000042 acknowledged. Goodbye.", root.Element("Say")!.Value);
    }
}
