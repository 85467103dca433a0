//! The tagged PDF: the structure tree built from what each page's marked content draws, the link
//! annotations with their structure, the named destinations and the outline.
//!
//! Every marked-content sequence a page paints (`page::Marked`) belongs to a block of the
//! document and a part of it; `path` says which elements hold it (a table cell sits in its row,
//! the row in its table). Elements are made the first time something of theirs is painted, so
//! the tree's order is the order of painting.

use std::collections::HashMap;
use std::io::Write;

use lopdf::{Dictionary, Object, ObjectId, text_string};

use super::page::Marked;
use crate::report::document::Role;
use crate::report::layout::{Anchor, Laid, Mark, Part, Target};

/// A level of a path: a structure type and the key that tells siblings of that type apart.
type Level = (&'static str, usize);

/// The deepest path: a table, its row, the cell.
const DEPTH: usize = 3;

/// The structure type of each level holding a part of a block, with a key telling siblings
/// apart; the last is the element that holds the marked content.
pub fn path(role: Role, part: Part) -> Vec<Level> {
    match (role, part) {
        (Role::Title, Part::Subtitle) => vec![("P", 1)],
        (Role::Title, _) => vec![("H1", 0)],
        (Role::Heading, _) => vec![("H2", 0)],
        (Role::Subheading, _) => vec![("H3", 0)],
        (Role::List, Part::Label(k)) => vec![("L", 0), ("LI", k), ("Lbl", 0)],
        (Role::List | Role::KeyFigures, Part::Entry(k)) => vec![("L", 0), ("LI", k), ("LBody", 1)],
        (Role::Table, Part::Caption) => vec![("Table", 0), ("Caption", usize::MAX)],
        (Role::Table, Part::Cell { row, col }) => vec![
            ("Table", 0),
            ("TR", row),
            (if row == 0 { "TH" } else { "TD" }, col),
        ],
        (Role::Figure, Part::Caption) => vec![("Figure", 0), ("Caption", 1)],
        (Role::Figure, _) => vec![("Figure", 0)],
        (Role::Contents, Part::Entry(k)) => vec![("TOC", 0), ("TOCI", k)],
        _ => vec![("P", 0)],
    }
}

/// The tag of the element holding a part of a block.
pub fn tag(role: Role, part: Part) -> &'static str {
    path(role, part).last().map_or("P", |(s, _)| s)
}

/// A child of a structure element.
#[derive(Debug, Clone)]
enum Kid {
    Element(usize),
    /// Marked content: page and id.
    Content(usize, i64),
    /// A link annotation: page and index in `Tree::annots`.
    Annot(usize, usize),
}

#[derive(Debug)]
struct Element {
    kind: &'static str,
    parent: usize,
    /// The key it was made under among its siblings (a cell's column).
    key: usize,
    kids: Vec<Kid>,
    alt: Option<String>,
    bbox: Option<[f32; 4]>,
}

/// A link annotation to write.
#[derive(Debug)]
struct Annot {
    page: usize,
    rect: [f32; 4],
    target: Target,
    text: String,
    /// The Link element it belongs to.
    element: usize,
}

/// The structure tree being built.
#[derive(Debug)]
struct Tree {
    elements: Vec<Element>,
    made: HashMap<(usize, [Level; DEPTH]), usize>,
    /// Per page, per marked-content id, the element holding it.
    parents: Vec<Vec<usize>>,
    annots: Vec<Annot>,
}

impl Tree {
    fn new(pages: usize) -> Self {
        Self {
            elements: vec![Element {
                kind: "Document",
                parent: 0,
                key: 0,
                kids: Vec::new(),
                alt: None,
                bbox: None,
            }],
            made: HashMap::new(),
            parents: vec![Vec::new(); pages],
            annots: Vec::new(),
        }
    }

    fn element(&mut self, kind: &'static str, parent: usize, key: usize) -> usize {
        let id = self.elements.len();
        self.elements.push(Element {
            kind,
            parent,
            key,
            kids: Vec::new(),
            alt: None,
            bbox: None,
        });
        self.elements[parent].kids.push(Kid::Element(id));
        id
    }

    /// The element of `path` for block `block`, made with the levels above it as needed.
    fn at(&mut self, block: usize, path: &[Level]) -> usize {
        let mut parent = 0;
        let mut prefix: [Level; DEPTH] = [("", 0); DEPTH];
        for depth in 1..=path.len().min(DEPTH) {
            prefix[depth - 1] = path[depth - 1];
            let key = (block, prefix);
            parent = match self.made.get(&key) {
                Some(&id) => id,
                None => {
                    let (kind, sibling) = path[depth - 1];
                    let id = self.element(kind, parent, sibling);
                    self.made.insert(key, id);
                    id
                }
            };
        }
        parent
    }

    /// Places one marked-content sequence of `page` in the tree.
    fn add(&mut self, page: usize, m: &Marked, role: Role) {
        let holder = self.at(m.block, &path(role, m.part));
        if role == Role::Figure && m.part == Part::Whole {
            self.elements[holder].alt = m.alt.clone();
            self.elements[holder].bbox = Some(m.rect);
        }
        let holder = match &m.link {
            Some(target) => {
                let link = self.element("Link", holder, 0);
                let index = self.annots.len();
                self.annots.push(Annot {
                    page,
                    rect: m.rect,
                    target: target.clone(),
                    text: m.text.clone(),
                    element: link,
                });
                self.elements[link].kids.push(Kid::Content(page, m.mcid));
                self.elements[link].kids.push(Kid::Annot(page, index));
                link
            }
            None => {
                self.elements[holder].kids.push(Kid::Content(page, m.mcid));
                holder
            }
        };
        let parents = &mut self.parents[page];
        let slot = usize::try_from(m.mcid).unwrap_or(usize::MAX);
        if slot >= parents.len() {
            parents.resize(slot + 1, 0);
        }
        parents[slot] = holder;
    }

    /// Gives every table row the cells of every column, empty where nothing was drawn, in
    /// column order: a reader counts cells to know which column it is in.
    fn square_tables(&mut self) {
        for t in 0..self.elements.len() {
            if self.elements[t].kind != "Table" {
                continue;
            }
            let rows: Vec<usize> = self.element_kids(t, "TR");
            let columns = rows
                .iter()
                .flat_map(|&r| self.element_kids(r, ""))
                .map(|c| self.elements[c].key + 1)
                .max()
                .unwrap_or(0);
            for (i, &r) in rows.iter().enumerate() {
                let cell = if i == 0 && self.elements[r].key == 0 {
                    "TH"
                } else {
                    "TD"
                };
                let have: Vec<usize> = self
                    .element_kids(r, "")
                    .iter()
                    .map(|&c| self.elements[c].key)
                    .collect();
                for col in 0..columns {
                    if !have.contains(&col) {
                        self.element(cell, r, col);
                    }
                }
                let mut kids = std::mem::take(&mut self.elements[r].kids);
                kids.sort_by_key(|k| match k {
                    Kid::Element(e) => self.elements[*e].key,
                    _ => usize::MAX,
                });
                self.elements[r].kids = kids;
            }
        }
    }

    /// The child elements of `e`, of kind `kind` (any kind when empty).
    fn element_kids(&self, e: usize, kind: &str) -> Vec<usize> {
        self.elements[e]
            .kids
            .iter()
            .filter_map(|k| match k {
                Kid::Element(c) if kind.is_empty() || self.elements[*c].kind == kind => Some(*c),
                _ => None,
            })
            .collect()
    }
}

fn real(v: f32) -> Object {
    Object::Real(((v * 100.0).round() / 100.0) as _)
}

fn rect(r: [f32; 4]) -> Object {
    Object::Array(r.iter().map(|v| real(*v)).collect())
}

/// An explicit destination: the top of something on a page, the zoom left as it is.
fn destination(page: ObjectId, y: f32) -> Object {
    Object::Array(vec![
        Object::Reference(page),
        Object::Name(b"XYZ".to_vec()),
        Object::Null,
        real(y),
        Object::Null,
    ])
}

/// Writes the structure tree, the links, the named destinations and the outline into `lo`,
/// whose pages are `laid`'s and whose marked content is `marked`, page by page.
pub fn apply(
    lo: &mut lopdf::Document,
    laid: &Laid,
    marked: &[Vec<Marked>],
) -> Result<Vec<(ObjectId, Vec<u8>)>, String> {
    let pages: Vec<ObjectId> = lo.get_pages().into_values().collect();
    if pages.len() != laid.pages.len() || marked.len() != pages.len() {
        return Err("the PDF's pages are not the laid-out pages".to_owned());
    }
    let mut tree = Tree::new(pages.len());
    for (page, runs) in marked.iter().enumerate() {
        for m in runs {
            tree.add(page, m, laid.role(m.block));
        }
    }
    tree.square_tables();
    let root = lo.new_object_id();
    let ids: Vec<ObjectId> = tree.elements.iter().map(|_| lo.new_object_id()).collect();
    let annots: Vec<ObjectId> = tree.annots.iter().map(|_| lo.new_object_id()).collect();
    // Elements, written straight to bytes: there are thousands, and a dictionary object each
    // would cost more than the rest of the tagging.
    let mut raw: Vec<(ObjectId, Vec<u8>)> = Vec::with_capacity(tree.elements.len() + 1);
    for (i, e) in tree.elements.iter().enumerate() {
        raw.push((ids[i], element(e, i, (root, &ids), &pages, &annots)?));
    }
    // Link annotations, each pointing back to its Link element through the parent tree.
    let mut page_annots: Vec<Vec<Object>> = vec![Vec::new(); pages.len()];
    for (a, annot) in tree.annots.iter().enumerate() {
        let d = annotation(annot, pages.len() + a, laid)?;
        lo.objects.insert(annots[a], Object::Dictionary(d));
        page_annots[annot.page].push(Object::Reference(annots[a]));
    }
    let parent_tree = lo.new_object_id();
    raw.push((parent_tree, parent_tree_bytes(&tree, &ids, pages.len())?));
    lo.objects.insert(
        root,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"StructTreeRoot".to_vec())),
            ("K", Object::Array(vec![Object::Reference(ids[0])])),
            ("ParentTree", Object::Reference(parent_tree)),
            (
                "ParentTreeNextKey",
                Object::Integer((pages.len() + tree.annots.len()) as i64),
            ),
        ])),
    );
    for (p, id) in pages.iter().enumerate() {
        let page = lo
            .get_dictionary_mut(*id)
            .map_err(|e| format!("page {}: {e}", p + 1))?;
        page.set("StructParents", p as i64);
        page.set("Tabs", Object::Name(b"S".to_vec()));
        if !page_annots[p].is_empty() {
            page.set("Annots", Object::Array(std::mem::take(&mut page_annots[p])));
        }
    }
    let dests = names(&laid.anchors, &pages);
    let dests = lo.add_object(Dictionary::from_iter([("Names", Object::Array(dests))]));
    let outline = outline(lo, &laid.outline, &pages);
    let catalog = lo.catalog_mut().map_err(|e| e.to_string())?;
    catalog.set("StructTreeRoot", Object::Reference(root));
    catalog.set(
        "MarkInfo",
        Dictionary::from_iter([("Marked", Object::Boolean(true))]),
    );
    catalog.set(
        "Names",
        Dictionary::from_iter([("Dests", Object::Reference(dests))]),
    );
    if let Some(outline) = outline {
        catalog.set("Outlines", Object::Reference(outline));
    }
    Ok(raw)
}

/// A link's annotation: its area, where it leads and, for assistive technology, what it does;
/// `key` is its entry in the parent tree.
fn annotation(annot: &Annot, key: usize, laid: &Laid) -> Result<Dictionary, String> {
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"Annot".to_vec()));
    d.set("Subtype", Object::Name(b"Link".to_vec()));
    d.set("Rect", rect(annot.rect));
    d.set("Border", Object::Array(vec![0.into(), 0.into(), 0.into()]));
    d.set("F", 4);
    d.set("StructParent", key as i64);
    let description = match &annot.target {
        Target::Uri(uri) => {
            d.set(
                "A",
                Dictionary::from_iter([
                    ("S", Object::Name(b"URI".to_vec())),
                    ("URI", Object::string_literal(uri.as_str())),
                ]),
            );
            format!("Web page {uri}")
        }
        Target::File(path) => {
            let file = Dictionary::from_iter([
                ("Type", Object::Name(b"Filespec".to_vec())),
                ("F", Object::string_literal(path.as_str())),
                ("UF", text_string(path)),
            ]);
            d.set(
                "A",
                Dictionary::from_iter([
                    ("S", Object::Name(b"GoToR".to_vec())),
                    ("F", Object::Dictionary(file)),
                    (
                        "D",
                        Object::Array(vec![0.into(), Object::Name(b"Fit".to_vec())]),
                    ),
                    ("NewWindow", Object::Boolean(false)),
                ]),
            );
            format!("Open {path}: {}", annot.text)
        }
        target => {
            let Some(anchor) = laid.anchors.iter().find(|a| a.target == *target) else {
                return Err(format!("a link to {target:?} leads nowhere"));
            };
            d.set("Dest", Object::string_literal(anchor.name.as_str()));
            format!("Go to {}", annot.text)
        }
    };
    d.set("Contents", text_string(&description));
    Ok(d)
}

/// The parent tree, as bytes: per page, the element of each marked-content id; then the Link
/// element of each annotation.
fn parent_tree_bytes(tree: &Tree, ids: &[ObjectId], pages: usize) -> Result<Vec<u8>, String> {
    let mut nums = Vec::with_capacity(tree.elements.len() * 8);
    nums.extend_from_slice(b"<</Nums[");
    for (p, parents) in tree.parents.iter().enumerate() {
        write!(nums, "{p}[").map_err(|e| e.to_string())?;
        for &e in parents {
            write!(nums, "{} 0 R ", ids[e].0).map_err(|e| e.to_string())?;
        }
        nums.extend_from_slice(b"]");
    }
    for (a, annot) in tree.annots.iter().enumerate() {
        write!(nums, " {} {} 0 R", pages + a, ids[annot.element].0).map_err(|e| e.to_string())?;
    }
    nums.extend_from_slice(b"]>>");
    Ok(nums)
}

/// One structure element's dictionary, as bytes: `e` is element `i`; its parent is the tree's
/// root for the first, the Document.
fn element(
    e: &Element,
    i: usize,
    (root, ids): (ObjectId, &[ObjectId]),
    pages: &[ObjectId],
    annots: &[ObjectId],
) -> Result<Vec<u8>, String> {
    let io = |e: std::io::Error| e.to_string();
    let mut d: Vec<u8> = Vec::with_capacity(64);
    let parent = if i == 0 { root } else { ids[e.parent] };
    // No /Type: it is optional, and thousands of elements would repeat it.
    write!(d, "<</S/{}/P {} 0 R", e.kind, parent.0).map_err(io)?;
    let home = e.kids.iter().find_map(|k| match k {
        Kid::Content(p, _) | Kid::Annot(p, _) => Some(*p),
        Kid::Element(_) => None,
    });
    if let Some(p) = home {
        write!(d, "/Pg {} 0 R", pages[p].0).map_err(io)?;
    }
    if !e.kids.is_empty() {
        // One kid stands alone, as most readers expect of a heading or a cell.
        let many = e.kids.len() > 1;
        d.extend_from_slice(if many { b"/K[" } else { b"/K " });
        for (k, kid) in e.kids.iter().enumerate() {
            if k > 0 {
                d.push(b' ');
            }
            match *kid {
                Kid::Element(c) => write!(d, "{} 0 R", ids[c].0),
                Kid::Content(p, mcid) if Some(p) == home => write!(d, "{mcid}"),
                Kid::Content(p, mcid) => {
                    write!(d, "<</Type/MCR/Pg {} 0 R/MCID {mcid}>>", pages[p].0)
                }
                Kid::Annot(p, a) => write!(
                    d,
                    "<</Type/OBJR/Pg {} 0 R/Obj {} 0 R>>",
                    pages[p].0, annots[a].0
                ),
            }
            .map_err(io)?;
        }
        if many {
            d.push(b']');
        }
    }
    if let Some(alt) = &e.alt {
        d.extend_from_slice(b"/Alt ");
        super::write::object(&mut d, &text_string(alt))?;
    }
    if let Some([x0, y0, x1, y1]) = e.bbox {
        write!(
            d,
            "/A<</O/Layout/Placement/Block/BBox[{x0:.2} {y0:.2} {x1:.2} {y1:.2}]>>"
        )
        .map_err(io)?;
    }
    if e.kind == "TH" {
        d.extend_from_slice(b"/A<</O/Table/Scope/Column>>");
    }
    d.extend_from_slice(b">>");
    Ok(d)
}

/// The named destinations, sorted by name as a name tree wants.
fn names(anchors: &[Anchor], pages: &[ObjectId]) -> Vec<Object> {
    let mut sorted: Vec<&Anchor> = anchors.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    sorted.dedup_by(|a, b| a.name == b.name);
    sorted
        .iter()
        .filter_map(|a| {
            let page = *pages.get(a.page)?;
            Some([
                Object::string_literal(a.name.as_str()),
                destination(page, a.y.0),
            ])
        })
        .flatten()
        .collect()
}

/// The outline: sections, and beneath each its subsections (and each sport in the results),
/// each jumping to its heading. Returns the outline's root, if there is anything in it.
fn outline(lo: &mut lopdf::Document, marks: &[Mark], pages: &[ObjectId]) -> Option<ObjectId> {
    if marks.is_empty() {
        return None;
    }
    let root = lo.new_object_id();
    let ids: Vec<ObjectId> = marks.iter().map(|_| lo.new_object_id()).collect();
    // Each mark's parent: the last section before it, or the root.
    let parent: Vec<Option<usize>> = (0..marks.len())
        .map(|i| {
            (marks[i].level > 1)
                .then(|| (0..i).rev().find(|&j| marks[j].level == 1))
                .flatten()
        })
        .collect();
    let siblings = |of: Option<usize>| -> Vec<usize> {
        (0..marks.len()).filter(|&i| parent[i] == of).collect()
    };
    let link = |d: &mut Dictionary, list: &[usize], at: usize| {
        if at > 0 {
            d.set("Prev", Object::Reference(ids[list[at - 1]]));
        }
        if at + 1 < list.len() {
            d.set("Next", Object::Reference(ids[list[at + 1]]));
        }
    };
    let top = siblings(None);
    for (i, mark) in marks.iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Title", text_string(&mark.title));
        d.set(
            "Parent",
            Object::Reference(parent[i].map_or(root, |p| ids[p])),
        );
        let list = siblings(parent[i]);
        if let Some(at) = list.iter().position(|&j| j == i) {
            link(&mut d, &list, at);
        }
        let kids = siblings(Some(i));
        if let (Some(first), Some(last)) = (kids.first(), kids.last()) {
            d.set("First", Object::Reference(ids[*first]));
            d.set("Last", Object::Reference(ids[*last]));
            // Closed: a long results section would otherwise fill the panel.
            d.set("Count", -(kids.len() as i64));
        }
        if let Some(page) = pages.get(mark.page) {
            d.set("Dest", destination(*page, mark.y.0));
        }
        lo.objects.insert(ids[i], Object::Dictionary(d));
    }
    let (first, last) = (top.first()?, top.last()?);
    lo.objects.insert(
        root,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"Outlines".to_vec())),
            ("First", Object::Reference(ids[*first])),
            ("Last", Object::Reference(ids[*last])),
            ("Count", Object::Integer(top.len() as i64)),
        ])),
    );
    Some(root)
}
