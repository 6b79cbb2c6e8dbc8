using System.Xml.Linq;
using StandbyOps.Paging.Replies;

namespace StandbyOps.Paging.Tests.Replies;

public sealed class SmsReplyTwimlTests
{
    [Fact]
    public void The_empty_response_sends_no_reply()
    {
        var root = XDocument.Parse(SmsReplyTwiml.Empty()).Root!;

        Assert.Equal("Response", root.Name.LocalName);
        Assert.Empty(root.Elements());
    }

    [Fact]
    public void A_message_response_wraps_the_text()
    {
        var root = XDocument.Parse(SmsReplyTwiml.Message("Acknowledged 2026-000041")).Root!;

        Assert.Equal("Response", root.Name.LocalName);
        Assert.Equal("Acknowledged 2026-000041", Assert.Single(root.Elements("Message")).Value);
    }

    [Fact]
    public void Markup_characters_are_escaped()
    {
        var twiml = SmsReplyTwiml.Message("a < b & c > \"d\" 'e' </Message><Redirect>x</Redirect>");

        Assert.DoesNotContain("<Redirect>", twiml, StringComparison.Ordinal);
        var root = XDocument.Parse(twiml).Root!;
        Assert.Empty(root.Elements("Redirect"));
        Assert.Equal("a < b & c > \"d\" 'e' </Message><Redirect>x</Redirect>", root.Element("Message")!.Value);
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_and_emoji_kept()
    {
        var twiml = SmsReplyTwiml.Message("ok\u0001\u001b 😀 \ud800!");

        Assert.Equal("ok 😀 !", XDocument.Parse(twiml).Root!.Element("Message")!.Value);
    }

    [Fact]
    public void The_content_type_is_text_xml() => Assert.Equal("text/xml", SmsReplyTwiml.ContentType);
}
