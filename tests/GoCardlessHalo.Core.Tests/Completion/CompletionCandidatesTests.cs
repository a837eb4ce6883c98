// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Linq;
using GoCardlessHalo.Core.Completion;
using GoCardlessHalo.Core.Config;

namespace GoCardlessHalo.Core.Tests.Completion;

public sealed class CompletionCandidatesTests
{
    [Fact]
    public void What_was_typed_matches_as_a_prefix_ignoring_case_and_quotes()
    {
        var names = new[] { "Acme Widgets", "acme Two", "Brightside" };

        Assert.Equal(new[] { "Acme Widgets", "acme Two" }, CompletionCandidates.Matching(names, "AC"));
        Assert.Equal(new[] { "Acme Widgets" }, CompletionCandidates.Matching(names, "'Acme W"));
        Assert.Equal(names, CompletionCandidates.Matching(names, string.Empty));
        Assert.Empty(CompletionCandidates.Matching(names, "Z"));
    }

    [Fact]
    public void A_wildcard_matches_as_a_pattern()
    {
        var names = new[] { "Acme Widgets", "Brightside Dental", "Dental Co" };

        Assert.Equal(new[] { "Brightside Dental", "Dental Co" }, CompletionCandidates.Matching(names, "*dental"));
        Assert.Equal(new[] { "Brightside Dental" }, CompletionCandidates.Matching(names, "?right*"));
    }

    [Fact]
    public void GoCardless_fields_are_the_metadata_keys_seen_then_the_summary_sources()
    {
        var cached = new CompletionNames { GoCardlessMetadataKeys = { "account_ref" } };

        var fields = CompletionCandidates.GoCardlessFields(cached).ToList();

        Assert.Equal("account_ref", fields[0]);
        Assert.Equal(FieldMapping.SummarySources, fields.Skip(1));
        Assert.Contains("payment.last_status", CompletionCandidates.Matching(fields, "payment."));
    }

    [Fact]
    public void Statuses_are_the_documented_payment_statuses()
    {
        Assert.Equal(new[] { "cancelled", "charged_back", "confirmed", "customer_approval_denied" }, CompletionCandidates.Matching(CompletionCandidates.PaymentStatuses, "c").OrderBy(s => s));
    }
}
