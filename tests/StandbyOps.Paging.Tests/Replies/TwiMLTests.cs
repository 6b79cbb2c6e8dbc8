using System.Xml.Linq;
using StandbyOps.Paging.Replies;

namespace StandbyOps.Paging.Tests.Replies;

public sealed class TwiMLTests
{
    [Fact]
    public void The_empty_response_sends_no_reply() =>
        Assert.Equal("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Response></Response>", TwiML.Empty());

    [Fact]
    public void A_message_response_wraps_the_text() =>
        Assert.Equal("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Response><Message>Acknowledged 2026-000041</Message></Response>", TwiML.Message("Acknowledged 2026-000041"));

    [Fact]
    public void Markup_characters_are_escaped()
    {
        var twiml = TwiML.Message("a < b & c > \"d\" 'e' </Message><Redirect>x</Redirect>");

        Assert.Contains("a &lt; b &amp; c &gt; &quot;d&quot; &apos;e&apos; &lt;/Message&gt;", twiml, StringComparison.Ordinal);
        Assert.Equal("a < b & c > \"d\" 'e' </Message><Redirect>x</Redirect>", XDocument.Parse(twiml).Root!.Element("Message")!.Value);
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_and_emoji_kept()
    {
        var twiml = TwiML.Message("ok\u0001\u001b 😀 \ud800!");

        Assert.Equal("ok 😀 !", XDocument.Parse(twiml).Root!.Element("Message")!.Value);
    }

    [Fact]
    public void The_content_type_is_text_xml() => Assert.Equal("text/xml", TwiML.ContentType);
}
