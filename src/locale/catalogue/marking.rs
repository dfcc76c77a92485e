//! Messages about the marking of funded projects: the EU's, the state budget's, and their signs.

catalogue! {
    /// Problems with `funding:`, `state_budget:` and the images of signs.
    Marking {
        SignsImage: "the image of signs", "obraz ze znakami";
        NoSigns: "`signs:` names no sign; the image's alt text is made of them", "pole `signs:` nie wymienia żadnego znaku, a z nich powstaje tekst alternatywny obrazu";
        NoSignsHint: "list every sign on the image, left to right, e.g. `signs: [Znak Funduszy Europejskich, Barwy Rzeczypospolitej Polskiej, Znak Unii Europejskiej]`",
            "wypisz każdy znak na obrazie, od lewej, np. `signs: [Znak Funduszy Europejskich, Barwy Rzeczypospolitej Polskiej, Znak Unii Europejskiej]`";
        TooManySigns: "the strip has {n} signs; at most 4 are allowed", "pasek ma {n} znaków, a dozwolone są najwyżej 4";
        TooManySignsHint: "a strip has at most four signs (Funds, colours of Poland, the EU, the region); use the strip your programme publishes",
            "pasek ma najwyżej cztery znaki (Fundusze, barwy RP, UE, województwo); użyj paska, który publikuje Twój program";
        NoEuSign: "no sign of the strip is the EU emblem", "żaden znak paska nie jest znakiem Unii Europejskiej";
        NoEuSignHint: "name the EU emblem among `signs:`, e.g. `Znak Unii Europejskiej: Dofinansowane przez Unię Europejską`",
            "wymień znak UE w `signs:`, np. `Znak Unii Europejskiej: Dofinansowane przez Unię Europejską`";
        NotAnImage: "the image of signs cannot be read: {error}", "nie da się odczytać obrazu ze znakami: {error}";
        NotAnImageHint: "save the strip as PNG or JPEG, as the programme publishes it", "zapisz pasek jako PNG lub JPEG, tak jak publikuje go program";
        NoFund: "a 2014–2020 project names its fund beside “Unia Europejska”", "projekt z lat 2014–2020 podaje nazwę funduszu obok napisu „Unia Europejska”";
        NoFundHint: "add e.g. `fund: Europejski Fundusz Społeczny` under `funding:`", "dodaj np. `fund: Europejski Fundusz Społeczny` pod `funding:`";
        StateNoProgramme: "the state budget's marking names no programme", "oznaczenie budżetu państwa nie podaje nazwy programu";
        StateNoProgrammeHint: "add e.g. `programme: Senior+ na lata 2021–2025` under `state_budget:`", "dodaj np. `programme: Senior+ na lata 2021–2025` pod `state_budget:`";
        StateNoAmount: "the state budget's marking needs the amount and the total value", "oznaczenie budżetu państwa wymaga kwoty dofinansowania i całkowitej wartości";
        StateNoAmountHint: "add `amount:` and `total_value:` under `state_budget:`, as plain numbers, e.g. `amount: 150000`",
            "dodaj `amount:` i `total_value:` pod `state_budget:`, jako zwykłe liczby, np. `amount: 150000`";
        StateTooLarge: "the state budget's amount is larger than the total value", "kwota z budżetu państwa jest większa niż całkowita wartość";
        NoStateSigns: "{n|project is|projects are} marked as paid from the state budget, but the site supplies no flag and emblem of Poland",
            "{n|projekt jest oznaczony|projekty są oznaczone|projektów jest oznaczonych} jako finansowane z budżetu państwa, ale strona nie ma flagi i godła RP";
        NoStateSignsHint: "put the image of the flag and emblem of Poland into content/ and name it under `marking: state_signs:` in site.yaml (tablica does not ship the emblem: its use is regulated)",
            "umieść obraz flagi i godła RP w content/ i wskaż go w site.yaml pod `marking: state_signs:` (tablica nie dołącza godła: jego używanie regulują przepisy)";
        NotInContent: "`{src}` is not a file under content/", "`{src}` nie jest plikiem w folderze content/";
        NotInContentHint: "write the path from content/, e.g. `znaki/pasek-fe.png`", "wpisz ścieżkę od folderu content/, np. `znaki/pasek-fe.png`";
    }
}
