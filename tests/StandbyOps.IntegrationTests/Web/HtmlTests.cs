using StandbyOps.Server.Web;

namespace StandbyOps.IntegrationTests.Web;

/// <summary>The encoding rules every page relies on, checked without a server.</summary>
public sealed class HtmlTests
{
    [Fact]
    public void Text_in_a_hole_is_encoded_and_markup_literals_are_kept()
    {
        var title = "<script>alert('x')</script> & \"q\"";

        var html = Html.Of($"<td title=\"{title}\">{title}</td>");

        Assert.Equal("<td title=\"&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;q&quot;\">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;q&quot;</td>", html.Markup);
    }

    [Fact]
    public void Html_in_a_hole_is_not_encoded_twice_and_a_list_of_it_is_joined()
    {
        var cells = new List<Html> { Html.Of($"<td>{"a&b"}</td>"), Html.Of($"<td>{42}</td>") };

        var row = Html.Of($"<tr>{cells}</tr>");

        Assert.Equal("<tr><td>a&amp;b</td><td>42</td></tr>", row.Markup);
    }

    [Fact]
    public void Numbers_are_formatted_with_the_invariant_culture()
    {
        Assert.Equal("12.5 1235 ms", Html.Of($"{12.5} {1234.6:0} ms").Markup);
    }

    [Fact]
    public void Non_ascii_letters_stay_readable()
    {
        Assert.Equal("Müller · José", Html.Of($"{"Müller · José"}").Markup);
    }

    [Theory]
    [InlineData("/incidents?state=open", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("incidents", false)]
    [InlineData("/incidents\r\nSet-Cookie: x=1", false)]
    [InlineData("", false)]
    public void Only_paths_on_this_server_are_local(string url, bool local)
    {
        Assert.Equal(local, LocalUrls.IsLocal(url));
        Assert.Equal(local ? url : LocalUrls.Home, LocalUrls.OrHome(url));
    }
}
