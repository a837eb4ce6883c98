// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Emulator.Halo;

namespace GoCardlessHalo.Core.Tests.Sync.Variants;

/// <summary>
/// Halo's users as comparable lines (link value, name, email, site, custom field values by name), without the ids
/// Halo allocated, so two runs that ended in the same state compare equal; and the duplicate link values.
/// </summary>
public sealed class HaloSnapshot
{
    private HaloSnapshot(List<string> users, List<string> linkValues)
    {
        Users = users;
        LinkValues = linkValues;
    }

    /// <summary>One line per user, sorted.</summary>
    public List<string> Users { get; }

    /// <summary>Every non-empty link value, one per user holding it.</summary>
    public List<string> LinkValues { get; }

    /// <summary>Link values held by more than one user, with how many.</summary>
    public Dictionary<string, int> Duplicates =>
        LinkValues.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Count());

    public static HaloSnapshot Of(HaloState state)
    {
        var names = state.Fields.Rows.ToDictionary(f => f.Id, f => f.Name);
        var linkId = state.Fields.Rows.First(f => f.Name == VariantWorld.LinkField).Id;
        var users = state.Users.Rows.Select(u =>
        {
            var values = u.CustomFields.Where(v => !string.IsNullOrEmpty(v.Value)).OrderBy(v => names[v.Key], StringComparer.Ordinal).Select(v => names[v.Key] + "=" + v.Value);
            return $"{u.Name}|{u.EmailAddress}|site {u.SiteId}|{string.Join(",", values)}";
        }).OrderBy(line => line, StringComparer.Ordinal).ToList();
        var links = state.Users.Rows.Select(u => u.CustomFields.GetValueOrDefault(linkId)).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        return new HaloSnapshot(users, links);
    }
}
