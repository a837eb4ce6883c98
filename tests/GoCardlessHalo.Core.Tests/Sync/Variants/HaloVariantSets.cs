// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;
using System.Linq;

namespace GoCardlessHalo.Core.Tests.Sync.Variants;

/// <summary>
/// The emulator variant combinations the matrix runs (emulator README "Variants"): each non-default value alone,
/// two "everything unusual" combinations, and pairs that touch the same code path. A name is a set of
/// <c>Switch=Value</c> joined by '+', turned into emulator start-up arguments.
/// </summary>
public static class HaloVariantSets
{
    public const string Default = "Default";

    /// <summary>Every run, default included, caps pages at 40, so page numbering matters (the product asks for 100).</summary>
    public const int PageCap = 40;

    public const string AllNonDefaultA = "UsersPostAnswer=FirstObject+FieldInfoListing=WithoutUsage+SiteListInvoiceFlag=false+PageNumbering=RequestedSize+UserListCustomFields=EmptyArray+CustomFieldsPost=Merge";

    public const string AllNonDefaultB = "UsersPostAnswer=EmptyBody+FieldInfoListing=UserFieldsNeedTypeId+SiteListInvoiceFlag=false+PageNumbering=RequestedSize+UserListCustomFields=Ignored+CustomFieldsPost=Merge";

    /// <summary>The read-side switches only (no POST answer variant), all at once.</summary>
    public const string AllReadSide = "FieldInfoListing=WithoutUsage+SiteListInvoiceFlag=false+PageNumbering=RequestedSize+UserListCustomFields=EmptyArray+CustomFieldsPost=Merge";

    public static string[] Arguments(string variant)
    {
        var args = new List<string> { "--Emulator:Halo:MaxPageSize=" + PageCap };
        if (variant != Default)
        {
            args.AddRange(variant.Split('+').Select(pair => "--Emulator:Halo:" + pair));
        }

        return args.ToArray();
    }
}
