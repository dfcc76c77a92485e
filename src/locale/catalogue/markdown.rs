//! Messages of the checks of the text (Markdown and HTML in it).

catalogue! {
    /// Findings in the text of a document.
    Markdown {
        ForeignImage: "the image `{url}` cannot be shown in the text", "obrazu `{url}` nie można pokazać w tekście";
        ForeignImageHint: "list photos under `gallery:` or `cover:` in the front matter: they are resized and stripped of GPS data there; images from other sites are not loaded (privacy)",
            "wpisz zdjęcia pod `gallery:` albo `cover:` w nagłówku: tam są zmniejszane i oczyszczane z danych GPS; obrazy z innych stron nie są wczytywane (prywatność)";
        UnsafeLink: "the link address `{url}` is not allowed and was removed", "adres odnośnika `{url}` jest niedozwolony i został usunięty";
        UnsafeUrlHint: "use an http(s), mailto: or tel: address, or a path on this site", "użyj adresu http(s), mailto: lub tel: albo ścieżki na tej stronie";
        Heading1: "a level-1 heading (`#`) in the text", "nagłówek pierwszego stopnia (`#`) w tekście";
        Heading1Hint: "the title is the page's only level-1 heading: start sections with `##` (tablica shifted the headings down one level)",
            "tytuł jest jedynym nagłówkiem pierwszego stopnia na stronie: sekcje zaczynaj od `##` (tablica obniżyła nagłówki o jeden stopień)";
        HeadingJump: "heading level jumps from {from} to {to}", "stopień nagłówka skacze z {from} na {to}";
        HeadingJumpHint: "use {marks} for this heading, or add the missing level above it", "użyj {marks} dla tego nagłówka albo dodaj brakujący stopień wyżej";
        EmptyLink: "a link to `{url}` has no text", "odnośnik do `{url}` nie ma tekstu";
        EmptyLinkHint: "write what the link leads to between the brackets: [Regulamin projektu](…)", "wpisz w nawiasach kwadratowych, dokąd prowadzi odnośnik: [Regulamin projektu](…)";
        VagueLink: "link text \"{text}\" does not say where it leads", "tekst odnośnika „{text}” nie mówi, dokąd prowadzi";
        VagueLinkHint: "name the target instead, e.g. [formularz zgłoszeniowy](…)", "nazwij cel odnośnika, np. [formularz zgłoszeniowy](…)";
        ImageNoAlt: "the image `{url}` has no alt text", "obraz `{url}` nie ma tekstu alternatywnego";
        ImageNoAltHint: "describe the image between the brackets: ![Uczestnicy warsztatów przy stole](…)", "opisz obraz w nawiasach kwadratowych: ![Uczestnicy warsztatów przy stole](…)";
        TableNoHeader: "an HTML table without header cells (<th>)", "tabela HTML bez komórek nagłówka (<th>)";
        TableNoHeaderHint: "give the table a header row, or write it as a Markdown table (its first row is the header)",
            "dodaj do tabeli wiersz nagłówka albo zapisz ją jako tabelę Markdown (jej pierwszy wiersz jest nagłówkiem)";
        ThemeId: "the id `{id}` is used by the theme; it was changed to `{renamed}`", "identyfikatora `{id}` używa motyw; zmieniono go na `{renamed}`";
        ThemeIdHint: "choose another id (links to this place use the new one)", "wybierz inny identyfikator (odnośniki do tego miejsca używają nowego)";
        ThemeClass: "the class `{class}` is used by the theme and was removed", "klasy `{class}` używa motyw, więc została usunięta";
        ThemeClassHint: "choose another class name", "wybierz inną nazwę klasy";
        TooDeep: "the text nests more than {max} levels deep (quotes, lists or HTML elements); the deeper levels were flattened or shown as text",
            "tekst ma ponad {max} poziomów zagnieżdżenia (cytaty, listy albo elementy HTML); głębsze poziomy spłaszczono albo pokazano jako tekst";
        TooDeepHint: "nest fewer quotes, lists or HTML elements inside each other", "zagnieżdżaj mniej cytatów, list czy elementów HTML jedne w drugich";
        ControlCharacters: "the text holds control characters (such as NUL or ESC), which were removed", "tekst zawiera znaki sterujące (np. NUL albo ESC), które usunięto";
        ControlCharactersHint: "they are invisible and usually come from copying out of another program: retype the line if something looks wrong",
            "są niewidoczne i zwykle pochodzą z kopiowania z innego programu: przepisz wiersz, jeśli coś wygląda źle";
        FrameBlocked: "the frame (`<iframe>`) from `{src}` is blocked by the page's Content-Security-Policy", "ramka (`<iframe>`) z `{src}` jest blokowana przez Content-Security-Policy strony";
        FrameRemoved: "the frame (`<iframe>`) from `{src}` was removed", "ramkę (`<iframe>`) z `{src}` usunięto";
        FrameHint: "frames load only over https from the hosts listed under `embed_hosts:` in site.yaml; add the host there if the site trusts it",
            "ramki ładują się tylko przez https z hostów wymienionych pod `embed_hosts:` w site.yaml; dopisz tam host, jeśli strona mu ufa";
        FrameNoTitle: "a frame (`<iframe>`) has no title", "ramka (`<iframe>`) nie ma tytułu";
        FrameNoTitleHint: "say what it shows: <iframe title=\"Mapa dojazdu do ośrodka\" …> (screen readers announce frames by their title)",
            "napisz, co pokazuje: <iframe title=\"Mapa dojazdu do ośrodka\" …> (czytniki ekranu zapowiadają ramki ich tytułem)";
        ImageBlocked: "the image `{src}` is blocked by the page's Content-Security-Policy", "obraz `{src}` jest blokowany przez Content-Security-Policy strony";
        ImageRemoved: "the image `{src}` was removed", "obraz `{src}` usunięto";
        HtmlImageNoAltHint: "describe the image in its alt attribute: <img alt=\"Uczestnicy warsztatów przy stole\" …> (alt=\"\" for decoration)",
            "opisz obraz w atrybucie alt: <img alt=\"Uczestnicy warsztatów przy stole\" …> (alt=\"\" dla ozdobników)";
    }
}
