-- One row per code of the vocabulary (event kinds, finding kinds, voices, ...). Params: none.
select domain, code, label_pl, label_en from codes order by domain, code
