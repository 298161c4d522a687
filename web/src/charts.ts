// ECharts with only the parts the app draws (keeps the bundle small), and the county map.
import * as echarts from 'echarts/core'
import { BarChart, LineChart, MapChart, PieChart, ScatterChart, LinesChart, EffectScatterChart } from 'echarts/charts'
import {
  GeoComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent,
  VisualMapComponent, DataZoomComponent, MarkLineComponent, MarkAreaComponent,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption, LineSeriesOption, MapSeriesOption, PieSeriesOption, ScatterSeriesOption, LinesSeriesOption, EffectScatterSeriesOption } from 'echarts/charts'
import type {
  GeoComponentOption, GridComponentOption, LegendComponentOption, TitleComponentOption,
  TooltipComponentOption, VisualMapComponentOption, DataZoomComponentOption,
  MarkLineComponentOption, MarkAreaComponentOption,
} from 'echarts/components'

echarts.use([
  BarChart, LineChart, MapChart, PieChart, ScatterChart, LinesChart, EffectScatterChart,
  GeoComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent,
  VisualMapComponent, DataZoomComponent, MarkLineComponent, MarkAreaComponent, CanvasRenderer,
])

export type EChartsOption = ComposeOption<
  | BarSeriesOption | LineSeriesOption | MapSeriesOption | PieSeriesOption | ScatterSeriesOption
  | LinesSeriesOption | EffectScatterSeriesOption
  | GeoComponentOption | GridComponentOption | LegendComponentOption | TitleComponentOption
  | TooltipComponentOption | VisualMapComponentOption | DataZoomComponentOption
  | MarkLineComponentOption | MarkAreaComponentOption
>

export { echarts }

export interface CountyFeature {
  type: 'Feature'
  properties: { name: string; code: string; city_name?: string }
  geometry: { type: string; coordinates: unknown }
}
export interface CountyCollection {
  type: 'FeatureCollection'
  features: CountyFeature[]
}

let counties: Promise<CountyCollection> | null = null

/**
 * The province's counties (simplified at build time from data/geo, served from /geo/), registered
 * with ECharts as map 'sichuan' on first use. Features are keyed by their name for ECharts and
 * carry the GB/T 2260 code in properties.code.
 */
export function loadCounties(): Promise<CountyCollection> {
  if (!counties) {
    counties = fetch('/geo/sichuan-counties.json')
      .then((r) => {
        if (!r.ok) throw new Error(`区划边界加载失败（HTTP ${r.status}）`)
        return r.json() as Promise<CountyCollection>
      })
      .then((geo) => {
        echarts.registerMap('sichuan', geo as never)
        return geo
      })
      .catch((e) => {
        counties = null
        throw e
      })
  }
  return counties
}
