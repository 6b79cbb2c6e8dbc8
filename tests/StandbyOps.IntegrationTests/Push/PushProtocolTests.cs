using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using StandbyOps.IntegrationTests.Support;

namespace StandbyOps.IntegrationTests.Push;

/// <summary>The Pushgateway API over HTTP against the real server: PROTOCOLS.md §6 vectors, methods, limits and bad input.</summary>
public sealed class PushProtocolTests(PushServer push) : IClassFixture<PushServer>
{
    [Fact]
    public async Task Base64_grouping_labels_from_the_section_6_vectors_are_decoded_in_the_scrape()
    {
        var job = Job();
        var path = $"/metrics/job/{job}/label_name1@base64/bGFiZWwvdmFsdWUx/label_name2@base64/bGFiZWwvdmFsdWUy==/instance@base64/dGVzdGluc3RhbmNl"
            + "/path@base64/L3Zhci90bXA/name@base64/zqDPgc6_zrzOt864zrXPjc-C/first_label@base64/=";

        using var response = await push.Acme.PutAsync(path, PushServer.Text("# TYPE vector_test gauge\nvector_test{first_label=\"dropped\"} 1\n"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [$"vector_test{{customer=\"acme\",instance=\"testinstance\",job=\"{job}\",label_name1=\"label/value1\",label_name2=\"label/value2\",name=\"Προμηθεύς\",path=\"/var/tmp\"}} 1"],
            await push.LinesAsync($"vector_test{{customer=\"acme\",instance=\"testinstance\",job=\"{job}\""));
    }

    [Fact]
    public async Task A_base64_job_is_decoded()
    {
        using var response = await push.Acme.PutAsync("/metrics/job@base64/L3Zhci90bXA/instance/x", PushServer.Text("b64_job_test 1\n"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await push.LinesAsync("b64_job_test{customer=\"acme\",instance=\"x\",job=\"/var/tmp\"} 1"));
    }

    [Theory]
    [InlineData("/label_name1@base64/foo.bar", "invalid base64 encoding for label label_name1=\"foo.bar\"")]
    [InlineData("/a=b/label_value2", "improper label name \"a=b\"")]
    [InlineData("/__label_name2/x", "improper label name \"__label_name2\"")]
    [InlineData("/label_name2/label/value2", "odd number of components")]
    public async Task Bad_grouping_keys_from_the_section_6_vectors_get_400_with_the_reason(string labels, string reason)
    {
        var job = Job();

        var problem = await HttpAssert.ProblemAsync(await push.Acme.PutAsync($"/metrics/job/{job}{labels}", PushServer.Text("up 1\n")), HttpStatusCode.BadRequest);

        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await push.LinesAsync($"job=\"{job}\""));
    }

    [Theory]
    [InlineData("/metrics/job/")]
    [InlineData("/metrics/job")]
    [InlineData("/metrics/job@base64/=")]
    public async Task A_missing_job_gets_400(string path)
    {
        var problem = await HttpAssert.ProblemAsync(await push.Acme.PutAsync(path, PushServer.Text("up 1\n")), HttpStatusCode.BadRequest);

        Assert.Equal("job name is required", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_text_format_gets_400_with_line_and_column_and_changes_nothing()
    {
        var job = Job();
        await PutAsync(job, "# TYPE kept gauge\nkept 1\n");
        var before = await push.LinesAsync($"job=\"{job}\"");

        var problem = await HttpAssert.ProblemAsync(await push.Acme.PostAsync($"/metrics/job/{job}", PushServer.Text("kept 2\nblablabla\n")), HttpStatusCode.BadRequest);

        Assert.Contains("line 2, column 10", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await push.LinesAsync($"job=\"{job}\""));
    }

    [Theory]
    [InlineData("up 1\r\n", "line 1, column 5")]
    [InlineData("up 1\nup{a=\"b\"} 2", "line 2, column 12")]
    [InlineData("up 1 1700000000000\n", "pushed metrics must not have timestamps")]
    public async Task Crlf_a_missing_final_newline_and_timestamps_get_400(string body, string reason)
    {
        var job = Job();

        var problem = await HttpAssert.ProblemAsync(await push.Acme.PutAsync($"/metrics/job/{job}", PushServer.Text(body)), HttpStatusCode.BadRequest);

        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await push.LinesAsync($"job=\"{job}\""));
    }

    [Theory]
    [InlineData("up{path=\"a\u0000b\"} 1\n", "line 1, column 11: NUL byte (U+0000) is not allowed in a label value")]
    [InlineData("# HELP up Up\u0000.\nup 1\n", "line 1, column 13: NUL byte (U+0000) is not allowed in HELP text")]
    public async Task Nul_bytes_in_label_values_and_help_text_get_400_saying_where_and_are_not_exposed(string body, string reason)
    {
        var job = Job();

        var problem = await HttpAssert.ProblemAsync(await push.Acme.PutAsync($"/metrics/job/{job}", PushServer.Text(body)), HttpStatusCode.BadRequest);

        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await push.LinesAsync($"job=\"{job}\""));
    }

    [Theory]
    [InlineData("# HELP up Up\xFF.\nup 1\n", "the body is not valid UTF-8 (byte 12)")]
    [InlineData("up{path=\"a\xC3\"} 1\n", "the body is not valid UTF-8 (byte 10)")]
    public async Task Invalid_utf8_in_help_text_and_label_values_gets_400_with_the_byte_and_is_not_exposed(string latin1Body, string reason)
    {
        var job = Job();
        using var content = new ByteArrayContent(Encoding.Latin1.GetBytes(latin1Body));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");

        var problem = await HttpAssert.ProblemAsync(await push.Acme.PutAsync($"/metrics/job/{job}", content), HttpStatusCode.BadRequest);

        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await push.LinesAsync($"job=\"{job}\""));
    }

    [Theory]
    [InlineData("/instance@base64/YQBi", "the value of label instance in the push path contains a NUL byte (U+0000) at character 2")]
    [InlineData("/instance/%FF", "the push path is not valid UTF-8 once percent-decoded (byte ")]
    [InlineData("/instance/a%C3", "the push path is not valid UTF-8 once percent-decoded (byte ")]
    [InlineData("/instance@base64/_w", "invalid base64 encoding for label instance=\"_w\": the decoded value is not valid UTF-8")]
    public async Task Nul_bytes_and_invalid_utf8_in_grouping_key_paths_get_400_saying_where_and_are_not_exposed(string labels, string reason)
    {
        var job = Job();

        var problem = await HttpAssert.ProblemAsync(await push.Acme.PutAsync($"/metrics/job/{job}{labels}", PushServer.Text("up 1\n")), HttpStatusCode.BadRequest);

        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await push.LinesAsync($"job=\"{job}\""));
    }

    /// <remarks>Kestrel itself refuses a percent-encoded NUL in the request target (a bare 400, before routing).</remarks>
    [Theory]
    [InlineData("/instance/a%00b")]
    [InlineData("%00/instance/a")]
    public async Task A_percent_encoded_nul_in_the_push_path_gets_400_and_is_not_exposed(string labels)
    {
        var job = Job();

        using var response = await push.Acme.PutAsync($"/metrics/job/{job}{labels}", PushServer.Text("up 1\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await push.LinesAsync(job));
    }

    [Theory]
    [InlineData("/metrics/job@base64/YQBi", "the job name in the push path contains a NUL byte (U+0000) at character 2")]
    [InlineData("/metrics/job/%FF", "the push path is not valid UTF-8 once percent-decoded")]
    public async Task Nul_bytes_and_invalid_utf8_in_the_job_get_400(string path, string reason)
    {
        var problem = await HttpAssert.ProblemAsync(await push.Acme.PutAsync(path, PushServer.Text("up 1\n")), HttpStatusCode.BadRequest);

        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_job_with_an_empty_body_gets_200_and_a_push_time()
    {
        var job = Job();

        using var response = await push.Acme.PostAsync($"/metrics/job/{job}", PushServer.Text(string.Empty));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await push.LinesAsync($"push_time_seconds{{customer=\"acme\",job=\"{job}\"}}"));
    }

    [Fact]
    public async Task Put_replaces_the_whole_group()
    {
        var job = Job();
        await PutAsync(job, "a_metric 1\nb_metric 2\n");

        await PutAsync(job, "b_metric 3\n");

        Assert.Equal([$"b_metric{{customer=\"acme\",job=\"{job}\"}} 3"], await push.LinesAsync($"_metric{{customer=\"acme\",job=\"{job}\""));
    }

    [Fact]
    public async Task Post_replaces_only_the_metric_names_in_the_body()
    {
        var job = Job();
        await PutAsync(job, "a_metric 1\nb_metric{x=\"1\"} 2\n");

        using var response = await push.Acme.PostAsync($"/metrics/job/{job}", PushServer.Text("b_metric{x=\"2\"} 3\n"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [$"a_metric{{customer=\"acme\",job=\"{job}\"}} 1", $"b_metric{{customer=\"acme\",job=\"{job}\",x=\"2\"}} 3"],
            await push.LinesAsync($"_metric{{customer=\"acme\",job=\"{job}\""));
    }

    [Fact]
    public async Task An_empty_put_deletes_the_metrics_but_keeps_the_push_time()
    {
        var job = Job();
        await PutAsync(job, "a_metric 1\n");

        await PutAsync(job, string.Empty);

        Assert.Empty(await push.LinesAsync($"a_metric{{customer=\"acme\",job=\"{job}\""));
        Assert.Single(await push.LinesAsync($"push_time_seconds{{customer=\"acme\",job=\"{job}\"}}"));
    }

    [Fact]
    public async Task Delete_removes_the_group_with_202_and_deleting_again_is_a_no_op()
    {
        var job = Job();
        await PutAsync(job, "a_metric 1\n");

        using var first = await push.Acme.DeleteAsync($"/metrics/job/{job}");
        using var second = await push.Acme.DeleteAsync($"/metrics/job/{job}");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Empty(await push.LinesAsync($"job=\"{job}\""));
    }

    [Fact]
    public async Task Url_labels_override_body_labels()
    {
        var job = Job();

        await PutAsync($"{job}/instance/from-url", "a_metric{instance=\"from-body\",job=\"body-job\"} 1\n");

        Assert.Single(await push.LinesAsync($"a_metric{{customer=\"acme\",instance=\"from-url\",job=\"{job}\"}} 1"));
    }

    [Fact]
    public async Task A_gzip_body_is_accepted()
    {
        var job = Job();
        using var content = new ByteArrayContent(Gzip("gzip_metric 42\n"));
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await push.Acme.PutAsync($"/metrics/job/{job}", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await push.LinesAsync($"gzip_metric{{customer=\"acme\",job=\"{job}\"}} 42"));
    }

    [Fact]
    public async Task A_body_that_claims_gzip_but_is_not_gets_400()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("up 1\n"));
        content.Headers.ContentEncoding.Add("gzip");

        var problem = await HttpAssert.ProblemAsync(await push.Acme.PutAsync($"/metrics/job/{Job()}", content), HttpStatusCode.BadRequest);

        Assert.Contains("gzip", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_4_mib_gets_413()
    {
        var job = Job();
        var line = "big_metric{padding=\"" + new string('x', 1000) + "\",n=\"{0}\"} 1\n";
        var body = new StringBuilder();
        for (var i = 0; body.Length <= 4 * 1024 * 1024; i++)
        {
            body.Append(line.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        await HttpAssert.ProblemAsync(await push.Acme.PutAsync($"/metrics/job/{job}", PushServer.Text(body.ToString())), HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await push.LinesAsync($"job=\"{job}\""));
    }

    [Fact]
    public async Task A_gzip_body_that_inflates_past_4_mib_gets_413()
    {
        using var content = new ByteArrayContent(Gzip("# " + new string('x', 5 * 1024 * 1024) + "\n"));
        content.Headers.ContentEncoding.Add("gzip");

        await HttpAssert.ProblemAsync(await push.Acme.PutAsync($"/metrics/job/{Job()}", content), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task The_protobuf_format_gets_415_saying_only_text_is_supported()
    {
        using var content = new ByteArrayContent([0x05, 0x0a, 0x03, 0x75, 0x70, 0x31]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited");

        var problem = await HttpAssert.ProblemAsync(await push.Acme.PutAsync($"/metrics/job/{Job()}", content), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("text exposition format", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_type_that_contradicts_another_group_of_the_customer_gets_400()
    {
        var job = Job();
        await PutAsync($"{job}/instance/a", "# TYPE contradiction_total counter\ncontradiction_total 1\n");

        var problem = await HttpAssert.ProblemAsync(
            await push.Acme.PutAsync($"/metrics/job/{job}/instance/b", PushServer.Text("# TYPE contradiction_total gauge\ncontradiction_total 1\n")), HttpStatusCode.BadRequest);

        Assert.Contains("inconsistent", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_basic_with_the_token_as_password_can_push()
    {
        using var client = new HttpClient { BaseAddress = push.Server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"prometheus:{push.AcmeSecret}")));

        using var response = await client.PutAsync($"/metrics/job/{Job()}", PushServer.Text("up 1\n"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Only_pusher_tokens_may_push()
    {
        await HttpAssert.ProblemAsync(await push.Admin.PutAsync($"/metrics/job/{Job()}", PushServer.Text("up 1\n")), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await push.Server.Http.PutAsync($"/metrics/job/{Job()}", PushServer.Text("up 1\n")), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_pusher_cannot_replace_or_delete_another_customer_group()
    {
        var job = Job();
        await PutAsync(job, "owned_metric 1\n");

        using var put = await push.Globex.PutAsync($"/metrics/job/{job}", PushServer.Text("owned_metric 2\n"));
        using var delete = await push.Globex.DeleteAsync($"/metrics/job/{job}");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        Assert.Equal([$"owned_metric{{customer=\"acme\",job=\"{job}\"}} 1"], await push.LinesAsync($"owned_metric{{customer="));
    }

    [Fact]
    public async Task A_pusher_cannot_set_the_customer_label()
    {
        var job = Job();

        await PutAsync(job, "spoof_metric{customer=\"globex\"} 1\n");
        var problem = await HttpAssert.ProblemAsync(await push.Acme.PutAsync($"/metrics/job/{job}/customer/globex", PushServer.Text("up 1\n")), HttpStatusCode.BadRequest);

        Assert.Equal([$"spoof_metric{{customer=\"acme\",job=\"{job}\"}} 1"], await push.LinesAsync("spoof_metric"));
        Assert.Contains("reserved", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string Job() => $"job-{Guid.NewGuid():N}";

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    private async Task PutAsync(string jobPath, string body)
    {
        using var response = await push.Acme.PutAsync($"/metrics/job/{jobPath}", PushServer.Text(body));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
